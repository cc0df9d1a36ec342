package org.lantern.server.filtering.bypass;

import java.time.Duration;

/**
 * Published when one person (or, unresolved, one proxy user or device) has made at least the
 * configured number of bypass attempts within the window, so the DSL is alerted. Published again
 * for each further batch of attempts while it lasts; the alert register folds those into one
 * alert.
 *
 * @param latest           the newest attempt, naming who, where and how
 * @param attemptsInWindow attempts by the same person within {@code window} up to {@code latest}
 * @param newAttempts      attempts by them in the batch just written
 * @param window           the window counted over
 * @param policyVersion    the policy version the newest attempt was judged under
 */
public record PersistentBypassAttempts(BypassAttempt latest, int attemptsInWindow, int newAttempts, Duration window,
                                       long policyVersion) {
}
