package org.lantern.server.filtering;

import java.util.ArrayList;
import java.util.List;

import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.Subject;

/**
 * A decision as the decision API and {@code lantern check} show it: what the filter would do, why,
 * which list entry and policy row decided it, under which policy version and for whom. The
 * person's name is left out on purpose: the id is enough to look them up for those allowed to.
 *
 * @param url            the address as the filter reads it (normalised)
 * @param action         ALLOW, ALLOW_AND_LOG, BLOCK or BLOCK_AND_ALERT
 * @param allowed        whether the request may go ahead
 * @param reason         the plain-English sentence a block page shows
 * @param rule           which step of the decision procedure settled it
 * @param category       the policy category, or null
 * @param list           the list that matched ({@code source/category}), or null
 * @param entry          the list entry that matched, or null
 * @param activity       the User Actions row applied, or null
 * @param level          the ticked level that decided ({@code unacceptable}...), or null
 * @param exception      the temporary unblock applied, or null
 * @param policyVersion  the policy version in force
 * @param subject        who the request was judged for
 * @param searchTerm     the search typed, or null
 * @param bypassAttempt  whether it looks like an attempt to get round the filter
 * @param rewriteUrl     the SafeSearch address the proxy sends the request to instead, or null
 */
public record DecisionView(String url, String action, boolean allowed, String reason, String rule, String category,
                           String list, String entry, String activity, String level, String exception,
                           long policyVersion, SubjectView subject, String searchTerm, boolean bypassAttempt,
                           String rewriteUrl) {

    /**
     * @param personId        the person's id in the people directory, or null when nobody was identified
     * @param group           the policy group whose rules applied
     * @param groupReason     why the person is in that group, e.g. "added to Nominated staff by dsl on 04/03/2025"
     * @param internetAccess  whether the person may use the internet at all
     */
    public record SubjectView(String personId, String group, String groupReason, boolean internetAccess) {
    }

    /** The view of a decision. */
    public static DecisionView of(Decision d) {
        Subject s = d.subject();
        return new DecisionView(d.request().url().toString(), d.action().name(), d.allowed(), d.reason(),
                d.rule().name(), d.policyCategory(), d.match() == null ? null : d.match().list().toString(),
                d.match() == null ? null : d.match().entry(), d.activityId(),
                d.level() == null ? null : d.level().id(), d.exceptionId(), d.policyVersion(),
                new SubjectView(s.personId(), s.groupId(), s.groupReason(), s.internetAccess()), d.searchTerm(), d.bypassAttempt(),
                d.rewriteUrl());
    }

    /** The decision explained in plain English, one fact a line. */
    public List<String> explanation() {
        List<String> lines = new ArrayList<>();
        lines.add(switch (action) {
            case "ALLOW" -> "Allowed.";
            case "ALLOW_AND_LOG" -> "Allowed, and recorded for monitoring.";
            case "BLOCK" -> "Blocked.";
            default -> "Blocked, and the designated safeguarding lead is alerted.";
        } + " " + url);
        lines.add("Why: " + reason);
        if (entry != null) {
            lines.add("List entry: " + entry + " on the " + list + " list.");
        }
        if (activity != null) {
            lines.add("Policy row: " + activity + (category == null ? "" : " (category " + category + ")")
                    + (level == null ? "" : ", level " + level) + ".");
        }
        if (exception != null) {
            lines.add("Unblock applied: " + exception + ".");
        }
        lines.add("Judged for: " + (subject.personId() == null ? "an unidentified user" : "person " + subject.personId())
                + " in group " + subject.group() + (subject.internetAccess() ? "." : ", whose internet access is removed."));
        if (subject.groupReason() != null) {
            lines.add("Why this group: " + subject.groupReason() + ".");
        }
        if (searchTerm != null) {
            lines.add("Search term: " + searchTerm);
        }
        if (bypassAttempt) {
            lines.add("This looks like an attempt to get round the filter.");
        }
        if (rewriteUrl != null) {
            lines.add("SafeSearch: the request is sent to " + rewriteUrl);
        }
        lines.add("Policy version: " + policyVersion + ".");
        return lines;
    }
}
