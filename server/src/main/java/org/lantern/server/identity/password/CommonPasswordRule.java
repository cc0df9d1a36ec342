package org.lantern.server.identity.password;

import java.util.Optional;

/** A password must not be on the list of common and breached passwords: those are guessed first. */
final class CommonPasswordRule implements PasswordRule {

    private final CommonPasswords list;
    private final String basis;

    CommonPasswordRule(CommonPasswords list, String basis) {
        this.list = list;
        this.basis = basis;
    }

    @Override
    public String id() {
        return "blocklist";
    }

    @Override
    public String describe() {
        return "Must not be a common or breached password (" + String.format("%,d", list.size()) + " checked)";
    }

    @Override
    public Optional<Violation> check(String candidate, PasswordContext context) {
        if (!list.contains(candidate)) {
            return Optional.empty();
        }
        return Optional.of(new Violation(id(),
                "Must not be a commonly used or breached password, even with numbers or symbols added at the end (" + basis + ")"));
    }
}
