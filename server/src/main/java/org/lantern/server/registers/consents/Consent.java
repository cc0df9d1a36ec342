package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A pupil's consent for one use as it stands.
 *
 * @param id          the consent's id
 * @param personId    the pupil
 * @param use         which use
 * @param granted     whether the parent or carer agreed (false: they refused)
 * @param givenBy     the parent or carer who signed
 * @param pupilAgreed whether the pupil agreed too, or null where they were not asked
 * @param givenOn     the date on the form
 * @param expiresOn   the last day it holds, or null
 * @param evidenceId  the scan of the form, or null
 * @param withdrawnOn when it was withdrawn, or null
 * @param withdrawnBy who withdrew it, or null
 * @param recordedBy  who recorded it
 * @param recordedAt  when
 */
public record Consent(long id, long personId, PhotoUse use, boolean granted, String givenBy, Boolean pupilAgreed,
                      LocalDate givenOn, LocalDate expiresOn, Long evidenceId, LocalDate withdrawnOn,
                      String withdrawnBy, String recordedBy, OffsetDateTime recordedAt) {

    /**
     * Whether the consent lets the school use the pupil's image on {@code day}: given, not refused
     * by the pupil, begun, not ended and not withdrawn. The never-publish flag is checked apart.
     */
    public boolean allowsOn(LocalDate day) {
        return granted && !Boolean.FALSE.equals(pupilAgreed) && !givenOn.isAfter(day)
                && (expiresOn == null || !expiresOn.isBefore(day)) && withdrawnOn == null;
    }

    /** The state in words, e.g. "Given", "Withdrawn", "Refused by the pupil". */
    public String status(LocalDate day) {
        if (withdrawnOn != null) {
            return "Withdrawn";
        }
        if (!granted) {
            return "Refused";
        }
        if (Boolean.FALSE.equals(pupilAgreed)) {
            return "Refused by the pupil";
        }
        if (expiresOn != null && expiresOn.isBefore(day)) {
            return "Ended";
        }
        return givenOn.isAfter(day) ? "From " + givenOn : "Given";
    }
}
