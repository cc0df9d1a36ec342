package org.lantern.server.identity.password;

import java.util.Optional;

/**
 * A password may not be longer than a limit. Argon2 hashing cost grows with input, so an unbounded
 * length would let anyone tie up the server by posting megabyte-long passwords.
 */
final class MaximumLengthRule implements PasswordRule {

    private final int maximum;

    MaximumLengthRule(int maximum) {
        this.maximum = maximum;
    }

    @Override
    public String id() {
        return "max-length";
    }

    @Override
    public String describe() {
        return "At most " + maximum + " characters";
    }

    @Override
    public Optional<Violation> check(String candidate, PasswordContext context) {
        if (candidate.codePointCount(0, candidate.length()) <= maximum) {
            return Optional.empty();
        }
        return Optional.of(new Violation(id(), "Must be at most " + maximum
                + " characters long (Lantern limit: very long passwords make hashing slow enough to overload the server)"));
    }
}
