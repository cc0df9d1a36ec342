package org.lantern.server.people;

import java.time.OffsetDateTime;

/**
 * A person's internet access suspended by an incident's "removal of network / internet access
 * rights" action, until someone allowed to restores it with a reason. Times are school time.
 *
 * @param hadAccess     whether the person had access when suspended, so a restore gives back only
 *                      what the suspension took
 * @param restoredBy    who restored it, or null while it is in force
 * @param restoredAt    when, or null
 * @param restoreReason why, or null
 */
public record AccessSuspension(long id, long personId, long incidentId, String suspendedBy,
                               OffsetDateTime suspendedAt, boolean hadAccess, String restoredBy,
                               OffsetDateTime restoredAt, String restoreReason) {

    /** Whether the suspension is still in force. */
    public boolean inForce() {
        return restoredAt == null;
    }
}
