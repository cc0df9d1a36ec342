package org.lantern.server.dataprotection;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A subject access request: someone asking for a copy of the personal data the school holds about
 * a person (themselves, or a child they have parental responsibility for).
 *
 * @param id                request number
 * @param requesterName     who asked
 * @param requesterRelation their relation to the person, e.g. "the person themselves", "parent"
 * @param personId          the person the request is about, in the people directory
 * @param personName        their name as the directory has it
 * @param receivedOn        the day it was received: the deadline runs from here
 * @param identityVerified  whether the requester's identity (and authority) has been checked
 * @param identityNote      how it was checked
 * @param extensionMonths   0, 1 or 2 further months
 * @param extensionReason   why the request is complex or numerous enough to extend
 * @param extensionToldOn   the day the requester was told of the extension and why
 * @param status            where it stands
 * @param statusNote        e.g. how the response was sent, or why it was refused
 * @param recordedBy        who entered it
 * @param recordedAt        when
 */
public record SubjectAccessRequest(long id, String requesterName, String requesterRelation, long personId,
                                   String personName, LocalDate receivedOn, boolean identityVerified,
                                   String identityNote, int extensionMonths, String extensionReason,
                                   LocalDate extensionToldOn, SarStatus status, String statusNote, String recordedBy,
                                   OffsetDateTime recordedAt) {

    /** The deadline, with any extension. */
    public LocalDate dueOn() {
        return SubjectAccessDeadline.dueOn(receivedOn, extensionMonths);
    }

    /** The deadline without an extension: the requester must be told of an extension by then. */
    public LocalDate originalDueOn() {
        return SubjectAccessDeadline.dueOn(receivedOn, 0);
    }

    /** Whether it is still open after its deadline. */
    public boolean overdue(LocalDate today) {
        return status == SarStatus.OPEN && today.isAfter(dueOn());
    }
}
