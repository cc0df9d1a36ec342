package org.lantern.server.support;

import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

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

    /**
     * A MockMvc request signed in as the user of {@code role} in a test class's own {@code group}, named
     * e.g. "group.office", as {@link #signedIn} makes them. The account is made now, not when the request
     * is sent, so a test may call it just to have the user.
     */
    public static RequestPostProcessor as(AccountService service, Accounts accounts, String group, Role role) {
        return authentication(signedIn(service, accounts, group + "." + role.name().toLowerCase(), role));
    }

    /** An {@code Authorization} header value: a fresh API token for the user, signed in as {@link #signedIn} makes them. */
    public static String bearer(AccountService service, Accounts accounts, ApiTokenService tokens, String username, Role role) {
        signedIn(service, accounts, username, role);
        return "Bearer " + tokens.create(username, "test token", 1, "test").token();
    }
}
