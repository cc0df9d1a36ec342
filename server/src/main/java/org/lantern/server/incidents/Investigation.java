package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The investigation of an incident on the illegal-material path (seed 002, "Illegal Incidents"
 * and its procedure): monitoring of the item halted, at least two senior staff involved, one
 * designated computer used throughout, and an outcome. It cannot be closed without all of them.
 *
 * @param monitoringHaltedAt when monitoring of the item was halted (the incident entered the path)
 * @param monitoringHaltedBy who recorded the incident that halted it
 * @param designatedComputer the computer the investigation used, if recorded yet
 * @param outcome            what the investigation concluded, if recorded yet
 * @param seniorStaff        the senior staff involved
 * @param closedBy           who closed it; null while open
 * @param closedAt           when; null while open
 */
public record Investigation(OffsetDateTime monitoringHaltedAt, String monitoringHaltedBy, String designatedComputer,
                            String outcome, List<Investigator> seniorStaff, String closedBy, OffsetDateTime closedAt) {

    /**
     * A senior member of staff involved in an investigation.
     *
     * @param accountId their account
     * @param username  their username
     * @param role      their role when recorded (DSL, deputy DSL or headteacher)
     */
    public record Investigator(long accountId, String username, String role) {
    }

    public boolean closed() {
        return closedAt != null;
    }
}
