package org.lantern.filter.decision;

import java.util.Objects;
import org.lantern.filter.match.Match;
import org.lantern.policy.Level;

/**
 * The filter's answer to one request, carrying everything needed to enforce it, show a block
 * page, log it and later prove why it was made: which list entry matched, which policy category
 * and User Actions row applied at which level, under which policy version, for whom.
 *
 * @param request the request decided
 * @param action what the proxy must do
 * @param rule which step of the procedure settled it
 * @param reason a plain-English sentence for the block page and the log
 * @param match the list entry that decided it, or {@code null} when none did
 * @param policyCategory id of the policy category the match belongs to, or {@code null}
 * @param activityId id of the User Actions row applied, or {@code null}
 * @param level the ticked level that decided, or {@code null} when no row applied
 * @param exceptionId id of the temporary unblock applied, or {@code null}
 * @param policyVersion the version of the policy in force
 * @param subject the person (or the default group's stand-in) the request was judged for
 * @param searchTerm the search typed, when the request is a search, else {@code null}
 * @param rewriteUrl where the proxy must send the request instead to force SafeSearch: a full URL
 *     for ordinary requests, a {@code host:port} authority for {@code CONNECT}; {@code null} when
 *     none applies; for a {@link Rule#AGREEMENT_REQUIRED} block, the agreement page the browser is
 *     sent to instead of the block page
 * @param bypassAttempt whether the request looks like an attempt to get round the filter (proxy,
 *     VPN, encrypted DNS, raw IP)
 */
public record Decision(
        DecisionRequest request,
        Action action,
        Rule rule,
        String reason,
        Match match,
        String policyCategory,
        String activityId,
        Level level,
        String exceptionId,
        long policyVersion,
        Subject subject,
        String searchTerm,
        String rewriteUrl,
        boolean bypassAttempt) {

    /** Rejects decisions that could not explain themselves. */
    public Decision {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(subject, "subject");
    }

    /** @return whether the request may go ahead */
    public boolean allowed() {
        return action.allowed();
    }
}
