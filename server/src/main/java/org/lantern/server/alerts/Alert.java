package org.lantern.server.alerts;

import java.time.Instant;

/**
 * One alert in the register: what the filter saw, for whom, under which policy, how often, and
 * what the DSL's team did about it.
 *
 * @param id                  the alert's number
 * @param kind                why it was raised
 * @param firstSeenAt         the first request
 * @param lastSeenAt          the latest request folded into it
 * @param occurrences         requests folded into it (for persistent bypass attempts, attempts)
 * @param personId            the person the request was resolved to, or {@code null}
 * @param subjectName         the name the filter judged it for ("unknown user" when unresolved)
 * @param proxyUser           the proxy user name, or {@code null}
 * @param clientIp            the client address, or {@code null}
 * @param url                 the address asked for (for persistent bypass attempts, the latest host)
 * @param rule                the step of the decision procedure that settled it
 * @param categoryId          the policy category, or {@code null}
 * @param categoryName        the category as people read it
 * @param listCategory        the list that matched, or {@code null}
 * @param listSource          where that list came from, or {@code null}
 * @param listEntry           the entry that matched (a hash for hashed illegal lists), or {@code null}
 * @param policyVersion       the policy version in force
 * @param reason              the filter's own sentence about it
 * @param status              new, in review or closed
 * @param outcome             what was decided when it was closed, or {@code null} before
 * @param assigneeAccount     the account of the member of the DSL's team assigned to it, or {@code null}
 * @param assignee            that account's username, or {@code null}
 * @param closedBy            who closed it, or {@code null}
 * @param closedAt            when, or {@code null}
 * @param incidentId          the incident it was escalated to, or {@code null}
 * @param email               the email owed to the DSL, or {@code null} when email was off
 */
public record Alert(long id, AlertKind kind, Instant firstSeenAt, Instant lastSeenAt, int occurrences, Long personId,
                    String subjectName, String proxyUser, String clientIp, String url, String rule, String categoryId,
                    String categoryName, String listCategory, String listSource, String listEntry, long policyVersion,
                    String reason, AlertStatus status, AlertOutcome outcome, Long assigneeAccount, String assignee,
                    String closedBy, Instant closedAt, Long incidentId, Email email) {

    /**
     * The email telling the DSL about an alert.
     *
     * @param attempts      delivery attempts so far
     * @param sentAt        when it was accepted by the mail server, or {@code null}
     * @param recipients    how many it went to, or {@code null} before it was sent
     * @param lastError     why the latest attempt failed, or {@code null}
     * @param nextAttemptAt when it will be tried next, if unsent
     */
    public record Email(int attempts, Instant sentAt, Integer recipients, String lastError, Instant nextAttemptAt) {
        /** Whether the mail server accepted it. */
        public boolean sent() {
            return sentAt != null;
        }
    }
}
