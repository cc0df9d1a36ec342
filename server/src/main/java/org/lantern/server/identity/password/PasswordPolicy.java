package org.lantern.server.identity.password;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of password rules plus an optional maximum password age. This is what a school's
 * written password policy becomes once Lantern enforces it.
 */
public final class PasswordPolicy {

    private final String name;
    private final List<PasswordRule> rules;
    private final Duration maxAge;

    /**
     * @param maxAge how long a password may be used before it must be changed; {@code null} for never
     */
    public PasswordPolicy(String name, List<PasswordRule> rules, Duration maxAge) {
        this.name = Objects.requireNonNull(name);
        this.rules = List.copyOf(rules);
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maximum password age must be positive");
        }
        this.maxAge = maxAge;
    }

    public String name() {
        return name;
    }

    public List<PasswordRule> rules() {
        return rules;
    }

    /** How long a password may be used, if the policy forces periodic changes. */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /** Every rule {@code candidate} breaks, in the policy's order; empty when it is acceptable. */
    public List<Violation> check(String candidate, PasswordContext context) {
        return rules.stream()
                .flatMap(rule -> rule.check(candidate, context).stream())
                .toList();
    }

    /** How many recent passwords (current included) the policy forbids reusing; 0 if it does not check. */
    public int historyDepth() {
        return rules.stream()
                .filter(PasswordHistoryRule.class::isInstance)
                .mapToInt(rule -> ((PasswordHistoryRule) rule).depth())
                .max()
                .orElse(0);
    }

    /** The shortest password the policy accepts; 0 if it sets no minimum. */
    public int minimumLength() {
        return rules.stream()
                .filter(MinimumLengthRule.class::isInstance)
                .mapToInt(rule -> ((MinimumLengthRule) rule).minimum())
                .max()
                .orElse(0);
    }

    /** When a password set at {@code changedAt} expires under this policy, if it ever does. */
    public Optional<Instant> expiresAt(Instant changedAt) {
        return maxAge().map(changedAt::plus);
    }

    /** Whether a password set at {@code changedAt} must be changed by {@code now}. */
    public boolean isExpired(Instant changedAt, Instant now) {
        return expiresAt(changedAt).map(expiry -> !now.isBefore(expiry)).orElse(false);
    }
}
