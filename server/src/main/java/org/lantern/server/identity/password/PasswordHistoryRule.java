package org.lantern.server.identity.password;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password must not be any of the account's last N passwords, the current one included. Only
 * hashes are kept, so each is checked with the password encoder.
 */
final class PasswordHistoryRule implements PasswordRule {

    private final int lastN;
    private final PasswordEncoder encoder;
    private final String basis;

    PasswordHistoryRule(int lastN, PasswordEncoder encoder, String basis) {
        if (lastN < 1) {
            throw new IllegalArgumentException("history depth must be at least 1");
        }
        this.lastN = lastN;
        this.encoder = encoder;
        this.basis = basis;
    }

    /** How many recent passwords, the current one included, this rule compares against. */
    int depth() {
        return lastN;
    }

    @Override
    public String id() {
        return "history";
    }

    @Override
    public String describe() {
        return lastN == 1 ? "Must differ from your current password" : "Must not be any of your last " + lastN + " passwords";
    }

    @Override
    public Optional<Violation> check(String candidate, PasswordContext context) {
        // Hashing an over-long candidate once per stored hash would be a cheap way to load the
        // server; the maximum-length rule rejects it anyway, and it cannot match a stored password.
        if (candidate.length() > PasswordPreset.MAX_LENGTH) {
            return Optional.empty();
        }
        boolean reused = context.recentHashes().stream()
                .limit(lastN)
                .anyMatch(hash -> encoder.matches(candidate, hash));
        if (!reused) {
            return Optional.empty();
        }
        return Optional.of(new Violation(id(), describe() + " (" + basis + ")"));
    }
}
