package org.lantern.server.dataprotection;

import java.util.UUID;

import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Users and clean tables for the data-protection tests, which share one database with other classes. */
final class DataProtectionFixtures {

    private DataProtectionFixtures() {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A signed-in user with exactly the role's permissions, creating the account if needed. */
    static Authentication user(AccountService service, Accounts accounts, String username, Role role) {
        long id = accounts.idOf(username)
                .orElseGet(() -> service.create(username, "Test " + username, role, "data protection password 1", "test"));
        return UsernamePasswordAuthenticationToken.authenticated(new AccountPrincipal(id, username), null,
                role.permissions().stream().map(p -> new SimpleGrantedAuthority(p.authority())).toList());
    }

    /** Empties the data-protection tables, children first. */
    static void clear(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM subject_access_export").update();
        jdbc.sql("DELETE FROM subject_access_request").update();
        jdbc.sql("DELETE FROM data_breach").update();
    }
}
