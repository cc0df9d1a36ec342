package org.lantern.policy;

import java.util.List;
import java.util.Optional;

/**
 * One row of the User Actions table: an activity, exactly as the school published it, and the
 * levels ticked against it. {@link Acceptability} gives the ticks their meaning.
 *
 * @param id         stable identifier, e.g. {@code online-gambling}
 * @param text       the row text exactly as published
 * @param categories content categories the activity concerns (how the network recognises it)
 * @param levels     the ticked columns
 * @param windows    what "at certain times" means: time windows, when that level is ticked
 * @param nominated  who the "nominated users" are: group ids, when that level is ticked
 * @param overrides  age-appropriate exceptions: different ticks for particular groups
 */
public record Activity(String id, String text, List<String> categories, List<Level> levels, List<String> windows,
                       List<String> nominated, List<GroupOverride> overrides) {
    public Activity {
        categories = Lists.copy(categories);
        levels = Lists.copy(levels);
        windows = Lists.copy(windows);
        nominated = Lists.copy(nominated);
        overrides = Lists.copy(overrides);
    }

    /** The levels ticked for members of {@code groupId}: its override's, else the row's own. */
    public List<Level> levelsFor(String groupId) {
        return overrideFor(groupId).map(GroupOverride::levels).orElse(levels);
    }

    /** What "at certain times" means for members of {@code groupId}: its override's windows, else the row's. */
    public List<String> windowsFor(String groupId) {
        return overrideFor(groupId).map(GroupOverride::windows).orElse(windows);
    }

    private Optional<GroupOverride> overrideFor(String groupId) {
        return overrides.stream().filter(o -> o.groups().contains(groupId)).findFirst();
    }

    /**
     * For the listed groups, these ticks replace the row's own (e.g. stricter for FS/KS1).
     *
     * @param groups  the groups the override applies to
     * @param levels  the ticked levels for those groups
     * @param windows what "at certain times" means for those groups
     * @param reason  why the school treats these groups differently
     */
    public record GroupOverride(List<String> groups, List<Level> levels, List<String> windows, String reason) {
        public GroupOverride {
            groups = Lists.copy(groups);
            levels = Lists.copy(levels);
            windows = Lists.copy(windows);
        }
    }
}
