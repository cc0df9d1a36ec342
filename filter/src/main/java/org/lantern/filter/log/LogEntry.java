package org.lantern.filter.log;

import java.time.Instant;
import java.util.Objects;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.match.Match;

/**
 * One line of the decision log: what was requested, by whom, what the filter did and why, under
 * which policy version. Flat and self-contained so a line read back years later (an incident
 * review, a subject access request) still explains itself without the lists or policy of the day.
 *
 * @param time when the request was made (UTC)
 * @param user the proxy user name, or {@code null}
 * @param personId the person resolved, or {@code null} when unidentified
 * @param groupId the policy group the request was judged as
 * @param clientIp the client address, or {@code null}
 * @param method the HTTP method
 * @param url the normalised URL
 * @param action what the filter did
 * @param rule which step decided
 * @param category the policy category applied, or {@code null}
 * @param list the list that matched ({@code source/category}), or {@code null}
 * @param entry the list entry that matched, or {@code null}
 * @param activity the User Actions row applied, or {@code null}
 * @param level the ticked level that decided (its YAML id), or {@code null}
 * @param exceptionId the temporary unblock applied, or {@code null}
 * @param policyVersion the policy version in force
 * @param searchTerm the search typed, or {@code null}
 * @param bypassAttempt whether it looked like an attempt to get round the filter
 * @param reason the sentence shown to the user
 */
public record LogEntry(
        Instant time,
        String user,
        String personId,
        String groupId,
        String clientIp,
        String method,
        String url,
        Action action,
        Rule rule,
        String category,
        String list,
        String entry,
        String activity,
        String level,
        String exceptionId,
        long policyVersion,
        String searchTerm,
        boolean bypassAttempt,
        String reason) {

    /** Rejects entries missing what every audit needs. */
    public LogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * @param d a decision
     * @return its log line
     */
    public static LogEntry of(Decision d) {
        Match m = d.match();
        return new LogEntry(
                d.request().at(),
                d.request().userName(),
                d.subject().personId(),
                d.subject().groupId(),
                d.request().clientIp(),
                d.request().method(),
                d.request().url().toString(),
                d.action(),
                d.rule(),
                d.policyCategory(),
                m == null ? null : m.list().toString(),
                m == null ? null : m.entry(),
                d.activityId(),
                d.level() == null ? null : d.level().id(),
                d.exceptionId(),
                d.policyVersion(),
                d.searchTerm(),
                d.bypassAttempt(),
                d.reason());
    }
}
