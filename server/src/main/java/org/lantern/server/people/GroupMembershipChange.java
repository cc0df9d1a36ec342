package org.lantern.server.people;

import java.time.OffsetDateTime;

/**
 * One line of the group membership log, which is never edited: a person added to or removed from
 * a policy group, by whom, when (school time) and why.
 *
 * @param action {@code ADDED} or {@code REMOVED}
 */
public record GroupMembershipChange(long id, long personId, String groupId, String action, String actor,
                                    OffsetDateTime occurredAt, String reason) {
}
