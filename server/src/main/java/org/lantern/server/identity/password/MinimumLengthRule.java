package org.lantern.server.identity.password;

import java.util.Optional;

/** A password must have at least a given number of characters: length is the main defence against guessing. */
final class MinimumLengthRule implements PasswordRule {

    private final int minimum;
    private final String basis;

    MinimumLengthRule(int minimum, String basis) {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum length must be at least 1");
        }
        this.minimum = minimum;
        this.basis = basis;
    }

    int minimum() {
        return minimum;
    }

    @Override
    public String id() {
        return "min-length";
    }

    @Override
    public String describe() {
        return "At least " + minimum + " characters";
    }

    @Override
    public Optional<Violation> check(String candidate, PasswordContext context) {
        if (candidate.codePointCount(0, candidate.length()) >= minimum) {
            return Optional.empty();
        }
        return Optional.of(new Violation(id(), "Must be at least " + minimum + " characters long (" + basis + ")"));
    }
}
