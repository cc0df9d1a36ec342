package org.lantern.server.people;

import java.time.LocalDate;

/**
 * One valid person row of an MIS export, with values cleaned and typed. A null value means the
 * cell was empty or the column absent; {@link ParsedFile#columns()} tells which.
 */
public record ImportRow(int row, PersonKind kind, String legalFirstName, String legalLastName,
                        String preferredFirstName, String admissionNumber, String upn, LocalDate dateOfBirth,
                        YearGroup yearGroup, String registrationClass, String staffCode, String jobTitle,
                        String staffRole, String email, LocalDate startDate, LocalDate leavingDate,
                        String proxyUsername, String deviceIp, String deviceMac) {

    /** The name as the import report shows it. */
    public String displayName() {
        return (preferredFirstName == null ? legalFirstName : preferredFirstName) + " " + legalLastName;
    }
}
