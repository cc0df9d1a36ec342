package org.lantern.server.people;

import java.time.OffsetDateTime;

/**
 * One entry of the internet access register (seed 000 §7): who was granted or lost internet
 * access, when, by whom ("system" for the starters and leavers job) and why.
 *
 * @param incidentId the incident whose sanction removed access, or after which it was restored; null otherwise
 */
public record AccessEvent(long id, long personId, String personName, PersonKind personKind, AccessAction action,
                          OffsetDateTime occurredAt, String actor, String reason, Long incidentId) {
}
