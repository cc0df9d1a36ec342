package org.lantern.server.policy;

import java.time.Instant;

/**
 * One version of the school's policy, as stored: the exact text, who made it, when and why.
 *
 * @param number       version number, 1 for the first
 * @param yaml         the policy document text
 * @param author       username of whoever made the change
 * @param createdAt    when the version came into force
 * @param reason       why the change was made
 * @param restoredFrom the version whose text this one restores, or null
 * @param material     whether its author marked it a material change (what is allowed, filtered or
 *                     monitored changed), after which the acceptable-use agreements may need a new version
 */
public record PolicyVersion(int number, String yaml, String author, Instant createdAt, String reason,
                            Integer restoredFrom, boolean material) {
}
