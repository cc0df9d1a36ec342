package org.lantern.server.identity.password;

/**
 * One password rule a candidate password broke. The message is plain English and names the rule
 * and where it comes from, so a person can see why the school asks for it.
 *
 * @param ruleId  stable identifier of the rule, e.g. {@code min-length}; recorded in audit rows
 * @param message what the password must be, e.g. "Must be at least 8 characters long (school policy: ...)"
 */
public record Violation(String ruleId, String message) {
}
