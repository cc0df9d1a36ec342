package org.lantern.server.incidents;

/** How an incident came to be recorded. */
public enum IncidentSource {
    /** Recorded by a member of staff, on the form or through the API. */
    STAFF,
    /** Reported by a pupil at {@code /report-concern}, signed in, named or anonymous. */
    PUPIL_REPORT
}
