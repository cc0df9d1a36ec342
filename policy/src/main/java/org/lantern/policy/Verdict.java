package org.lantern.policy;

/**
 * The outcome of applying the User Actions table to one user group at one moment.
 *
 * @param level   the ticked level that decided the outcome
 * @param allowed whether the activity is permitted
 * @param alert   whether the attempt must be raised to the Designated Safeguarding Lead at once
 * @param reason  a sentence explaining the outcome, for logs and for the person affected
 */
public record Verdict(Level level, boolean allowed, boolean alert, String reason) {
}
