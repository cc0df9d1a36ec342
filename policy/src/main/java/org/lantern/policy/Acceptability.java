package org.lantern.policy;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The meaning of a User Actions row: which levels are ticked, for whom and when, turned into a
 * decision. The rules, applied in this order to the row's ticks (or a matching group override's):
 * <ol>
 *   <li>{@code unacceptable-and-illegal} ticked: denied for everyone at all times, with an alert.
 *       The parser rejects rows that tick it together with any other level.</li>
 *   <li>{@code acceptable} ticked: allowed. The parser rejects rows that tick it with another level.</li>
 *   <li>{@code acceptable-for-nominated-users} ticked and the group is one of the row's nominated
 *       groups: allowed, at any time.</li>
 *   <li>{@code acceptable-at-certain-times} ticked and the moment falls in one of the row's windows
 *       (read in the school's time zone, slot start inclusive, end exclusive): allowed.</li>
 *   <li>{@code unacceptable} ticked: denied, no alert (the attempt is logged by monitoring).</li>
 *   <li>otherwise a conditional level was ticked but its condition is not met: denied under
 *       that level, no alert.</li>
 * </ol>
 * So ticking several levels reads as "unacceptable, except for nominated users, or at certain
 * times", which is how seed policies use it (e.g. video broadcasting ticks three columns).
 * The class holds no state besides the policy and has no side effects.
 */
public final class Acceptability {

    private final PolicyDocument policy;

    private Acceptability(PolicyDocument policy) {
        this.policy = Objects.requireNonNull(policy);
    }

    /** An evaluator for the activities of this policy. */
    public static Acceptability of(PolicyDocument policy) {
        return new Acceptability(policy);
    }

    /**
     * Decides whether members of {@code group} may carry out {@code activity} at {@code at}.
     *
     * @throws IllegalArgumentException if the activity ticks no level at all for that group
     */
    public Verdict evaluate(Activity activity, Group group, Instant at) {
        List<Level> levels = activity.levelsFor(group.id());
        List<String> windows = activity.windowsFor(group.id());
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("activity " + activity.id() + " ticks no level for " + group.id());
        }
        if (levels.contains(Level.UNACCEPTABLE_AND_ILLEGAL)) {
            return new Verdict(Level.UNACCEPTABLE_AND_ILLEGAL, false, true,
                    "Unacceptable and illegal for everyone: " + activity.text());
        }
        if (levels.contains(Level.ACCEPTABLE)) {
            return new Verdict(Level.ACCEPTABLE, true, false, "Acceptable for everyone.");
        }
        boolean nominatedTicked = levels.contains(Level.ACCEPTABLE_FOR_NOMINATED_USERS);
        if (nominatedTicked && activity.nominated().contains(group.id())) {
            return new Verdict(Level.ACCEPTABLE_FOR_NOMINATED_USERS, true, false,
                    "Acceptable for nominated users: " + group.name() + " is nominated.");
        }
        boolean timesTicked = levels.contains(Level.ACCEPTABLE_AT_CERTAIN_TIMES);
        if (timesTicked) {
            ZonedDateTime local = at.atZone(policy.school().timeZone());
            for (String windowId : windows) {
                TimeWindow window = policy.window(windowId).orElseThrow(
                        () -> new IllegalArgumentException("unknown window " + windowId));
                if (window.contains(local)) {
                    return new Verdict(Level.ACCEPTABLE_AT_CERTAIN_TIMES, true, false,
                            "Acceptable at certain times: now is within " + window.name() + ".");
                }
            }
        }
        if (levels.contains(Level.UNACCEPTABLE)) {
            return new Verdict(Level.UNACCEPTABLE, false, false, "Unacceptable for " + group.name() + " now.");
        }
        if (timesTicked) {
            return new Verdict(Level.ACCEPTABLE_AT_CERTAIN_TIMES, false, false,
                    "Acceptable only at certain times, and now is outside them.");
        }
        return new Verdict(Level.ACCEPTABLE_FOR_NOMINATED_USERS, false, false,
                "Acceptable only for nominated users, and " + group.name() + " is not nominated.");
    }
}
