package org.lantern.policy;

import java.util.List;

/**
 * A kind of content the policy speaks about (gambling, self harm, …) and the block-list
 * categories (UT1 / squidGuard layout) that implement it on the network.
 *
 * @param id          stable identifier, e.g. {@code gambling}
 * @param name        name shown to people
 * @param description what the category covers
 * @param lists       names of list categories that implement it, e.g. {@code [gambling]}
 * @param illegal     whether the content is illegal in the UK (IWF child-abuse and CTIRU
 *                    terrorist-content lists): always blocked, for everyone, with an alert
 */
public record Category(String id, String name, String description, List<String> lists, boolean illegal) {
    public Category {
        lists = Lists.copy(lists);
    }
}
