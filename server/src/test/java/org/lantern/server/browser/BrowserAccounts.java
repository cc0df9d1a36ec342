package org.lantern.server.browser;

import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;

/** Accounts for browser tests, each with a password the school policy accepts and no 2FA prompt. */
final class BrowserAccounts {

    static final String PASSWORD = "Kestrel-Lantern-84";

    private BrowserAccounts() {
    }

    /** Creates {@code username} with {@code role} unless it exists; returns the username. */
    static String ensure(AccountService accounts, String username, Role role) {
        if (accounts.list().stream().noneMatch(a -> a.username().equals(username))) {
            long id = accounts.create(username, "Browser " + username, role, PASSWORD, "test");
            if (role.twoFactorRequiredByDefault()) {
                accounts.setTwoFactorExempt(id, true, "test", "browser test signs in with a password only");
            }
        }
        return username;
    }
}
