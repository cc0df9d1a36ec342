package org.lantern.server.monitoring.scan;

import org.lantern.monitor.library.AgeBand;
import org.lantern.server.people.PersonKind;
import org.lantern.server.people.YearGroup;

/**
 * Which age band a person's words are judged for: a pupil's from their year group (Reception to
 * Year 6 primary, Years 7 to 9 KS3, 10 and 11 KS4, 12 and 13 post-16), adults' as staff. A pupil
 * with no year group, and a request nobody could be tied to, are judged as KS3, the middle of the
 * school and the classify API's default: a guest device may well be a pupil's.
 */
final class AgeBands {

    /** The band of a pupil without a year group and of a request tied to nobody. */
    static final AgeBand UNKNOWN = AgeBand.KS3;

    private AgeBands() {
    }

    /**
     * @param yearGroup the year group code the activity row carries ("R", "1" to "13"), or {@code null}
     * @param kind what the person is to the school, or {@code null} when nobody was found
     * @return the band their words are judged for
     */
    static AgeBand of(String yearGroup, PersonKind kind) {
        YearGroup year = YearGroup.parse(yearGroup).orElse(null);
        if (year != null) {
            return switch (year.keyStage()) {
                case EYFS, KS1, LKS2, UKS2 -> AgeBand.PRIMARY;
                case KS3 -> AgeBand.KS3;
                case KS4 -> AgeBand.KS4;
                case KS5 -> AgeBand.POST16;
            };
        }
        return kind == null || kind == PersonKind.PUPIL ? UNKNOWN : AgeBand.STAFF;
    }
}
