package org.lantern.server.registers.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lantern.policy.Activity;
import org.lantern.policy.Category;
import org.lantern.policy.Group;
import org.lantern.policy.Level;
import org.lantern.policy.PolicyDocument;
import org.lantern.server.policy.PolicyVersion;

/**
 * The filtering policy in force as an inspector asks for it: its version, who made that version
 * and why, when governors approved the policy, and for each user group (age band) which categories
 * the filter blocks and which it opens only at certain times.
 *
 * <p>A category is judged for a group as the filter judges a page in it: every User Actions row
 * that concerns the category is read with the group's ticks, and the most restrictive answer wins
 * (illegal over blocked over "only at certain times" over allowed). A row the school allows
 * nominated users is allowed for a nominated group and blocked for the rest.
 *
 * @param version     the version number in force
 * @param madeBy      who made that version in Lantern
 * @param madeAt      when it came into force
 * @param reason      why it was made, as recorded
 * @param approved    when governors approved the policy, or null when the policy does not say
 * @param nextReview  when the policy is next to be reviewed, or null
 * @param illegal     the categories blocked for everyone, with an alert, because the content is illegal
 * @param groups      each group's blocked and time-limited categories, in the policy's order
 */
public record PolicyInForce(int version, String madeBy, Instant madeAt, String reason, LocalDate approved,
                            LocalDate nextReview, List<String> illegal, List<GroupBlocks> groups) {

    public PolicyInForce {
        illegal = List.copyOf(illegal);
        groups = List.copyOf(groups);
    }

    /**
     * What the filter blocks for one group.
     *
     * @param name           the group's name
     * @param who            who is in it: pupils, staff or visitors, and their key stages or year groups
     * @param blocked        categories blocked at all times (the illegal ones included)
     * @param atCertainTimes categories opened only at certain times
     */
    public record GroupBlocks(String name, String who, List<String> blocked, List<String> atCertainTimes) {
        public GroupBlocks {
            blocked = List.copyOf(blocked);
            atCertainTimes = List.copyOf(atCertainTimes);
        }
    }

    /** How restrictive a category is for a group, least first, so the largest wins. */
    private enum Verdict { ALLOWED, AT_CERTAIN_TIMES, BLOCKED }

    /** The summary of {@code document}, which is version {@code version}. */
    static PolicyInForce of(PolicyVersion version, PolicyDocument document) {
        List<GroupBlocks> groups = new ArrayList<>();
        for (Group group : document.groups()) {
            List<String> blocked = new ArrayList<>();
            List<String> times = new ArrayList<>();
            for (Category category : document.categories()) {
                switch (verdict(document, category, group)) {
                    case BLOCKED -> blocked.add(category.name());
                    case AT_CERTAIN_TIMES -> times.add(category.name());
                    case ALLOWED -> { }
                }
            }
            groups.add(new GroupBlocks(group.name(), who(group), blocked, times));
        }
        List<String> illegal = document.categories().stream().filter(Category::illegal).map(Category::name).toList();
        return new PolicyInForce(version.number(), version.author(), version.createdAt(), version.reason(),
                document.school().approved(), document.school().nextReview(), illegal, groups);
    }

    private static Verdict verdict(PolicyDocument document, Category category, Group group) {
        if (category.illegal()) {
            return Verdict.BLOCKED;
        }
        Verdict worst = Verdict.ALLOWED;
        for (Activity activity : document.activities()) {
            if (activity.categories().contains(category.id())) {
                Verdict v = verdict(activity, group);
                worst = v.compareTo(worst) > 0 ? v : worst;
            }
        }
        return worst;
    }

    /** One row's ticks for a group, read as {@link org.lantern.policy.Acceptability} reads them, at no particular time. */
    private static Verdict verdict(Activity activity, Group group) {
        List<Level> levels = activity.levelsFor(group.id());
        if (levels.contains(Level.UNACCEPTABLE_AND_ILLEGAL)) {
            return Verdict.BLOCKED;
        }
        if (levels.contains(Level.ACCEPTABLE) || levels.contains(Level.ACCEPTABLE_FOR_NOMINATED_USERS)
                && activity.nominated().contains(group.id())) {
            return Verdict.ALLOWED;
        }
        return levels.contains(Level.ACCEPTABLE_AT_CERTAIN_TIMES) ? Verdict.AT_CERTAIN_TIMES : Verdict.BLOCKED;
    }

    private static String who(Group group) {
        String kind = switch (group.kind()) {
            case PUPIL -> "Pupils";
            case STAFF -> "Staff";
            case VISITOR -> "Visitors";
        };
        List<String> bands = (group.yearGroups().isEmpty() ? group.keyStages() : group.yearGroups()).stream()
                .map(b -> b.replaceFirst("^Y(\\d+)$", "Year $1").replaceFirst("^KS(\\d)$", "Key Stage $1")
                        .replace("EYFS", "Early years"))
                .toList();
        return bands.isEmpty() ? kind : kind + ", " + String.join(", ", bands);
    }
}
