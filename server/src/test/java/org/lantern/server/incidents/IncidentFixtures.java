package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.security.core.Authentication;

/** Incidents as the incident tests record them; people and users come from the shared support fixtures. */
final class IncidentFixtures {

    private IncidentFixtures() {
    }

    static Viewer viewer(Authentication user) {
        return Viewer.of(user);
    }

    /** A valid pupil incident in the given category. */
    static NewIncident pupilIncident(long pupilId, String categoryId) {
        return new NewIncident(SubjectType.PUPIL, categoryId, List.of(pupilId),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), "IT suite", "Saw the screen.", null, List.of());
    }

    /** A pupil's phone misuse an hour ago (three actions from the table), in the given file, suspected illegal or not. */
    static NewIncident phoneMisuse(long pupilId, RecordKind kind, boolean illegal) {
        return new NewIncident(SubjectType.PUPIL, "mobile-device-misuse", List.of(pupilId),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "Filmed a pupil.", null, List.of(), kind, illegal);
    }
}
