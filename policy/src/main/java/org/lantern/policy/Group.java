package org.lantern.policy;

import java.util.List;

/**
 * A group of users that the policy treats alike, e.g. lower key stage 2 pupils or nominated staff.
 * Filtering is age-appropriate because every rule can name the groups it applies to.
 *
 * @param id         stable identifier referenced by the rest of the policy, e.g. {@code lks2}
 * @param name       what the school calls the group
 * @param kind       pupils, staff or visitors
 * @param keyStages  key stages covered, e.g. {@code KS2}
 * @param yearGroups year groups covered, e.g. {@code Y3}, {@code Reception}
 */
public record Group(String id, String name, GroupKind kind, List<String> keyStages, List<String> yearGroups) {
    public Group {
        keyStages = Lists.copy(keyStages);
        yearGroups = Lists.copy(yearGroups);
    }
}
