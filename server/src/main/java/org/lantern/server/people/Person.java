package org.lantern.server.people;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Someone in the school's directory, as the MIS knows them plus what Lantern adds: their network
 * identities, whether they currently have internet access, and the login account linked to them.
 * Pupil-only fields (UPN, admission number, year group...) and staff-only fields (staff code, job
 * title, role) are null for other kinds.
 */
public record Person(long id, PersonKind kind, String legalFirstName, String legalLastName, String preferredFirstName,
                     String admissionNumber, String upn, LocalDate dateOfBirth, YearGroup yearGroup,
                     String registrationClass, String staffCode, String jobTitle, String staffRole, String email,
                     LocalDate startDate, LocalDate leavingDate, Long accountId, boolean internetAccess,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt, List<NetworkIdentity> networkIdentities) {

    /** The name to show: preferred first name if any, then legal surname. */
    public String displayName() {
        String first = preferredFirstName == null || preferredFirstName.isBlank() ? legalFirstName : preferredFirstName;
        return first + " " + legalLastName;
    }

    /** The key stage of a pupil's year group, or null. */
    public KeyStage keyStage() {
        return yearGroup == null ? null : yearGroup.keyStage();
    }

    /** Whether the person's leaving date has arrived by {@code today}. */
    public boolean hasLeft(LocalDate today) {
        return leavingDate != null && !leavingDate.isAfter(today);
    }

    /** The person's proxy username, or null. */
    public String proxyUsername() {
        return networkIdentities.stream().filter(n -> n.type() == NetworkIdentityType.PROXY_USERNAME)
                .map(NetworkIdentity::value).findFirst().orElse(null);
    }
}
