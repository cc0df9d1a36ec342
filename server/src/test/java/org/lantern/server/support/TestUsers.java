package org.lantern.server.support;

import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signed-in users for tests that act as a member of staff without going through the login form.
 * Test classes share one database, so an account is created the first time its username is asked
 * for and reused after; each class keeps to usernames of its own.
 */
public final class TestUsers {

    private TestUsers() {
    }

    /** A signed-in user with exactly the role's permissions, creating the account (named "Test username") if needed. */
    public static Authentication signedIn(AccountService service, Accounts accounts, String username, Role role) {
        long id = accounts.idOf(username)
                .orElseGet(() -> service.create(username, "Test " + username, role, "test password 1", "test"));
        return UsernamePasswordAuthenticationToken.authenticated(new AccountPrincipal(id, username), null,
                role.permissions().stream().map(p -> new SimpleGrantedAuthority(p.authority())).toList());
    }

    /** An {@code Authorization} header value: a fresh API token for the user, signed in as {@link #signedIn} makes them. */
    public static String bearer(AccountService service, Accounts accounts, ApiTokenService tokens, String username, Role role) {
        signedIn(service, accounts, username, role);
        return "Bearer " + tokens.create(username, "test token", 1, "test").token();
    }
}
