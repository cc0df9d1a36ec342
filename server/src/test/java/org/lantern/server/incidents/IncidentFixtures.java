package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * People, accounts and signed-in users for incident tests. Names are made unique per call because
 * test classes share one database.
 */
final class IncidentFixtures {

    private IncidentFixtures() {
    }

    /** Inserts a pupil or member of staff and returns their id. */
    static long person(JdbcClient jdbc, String kind, String first, String last) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, year_group, created_at, updated_at) "
                        + "VALUES (:kind, :first, :last, :year, :now, :now)")
                .param("kind", kind).param("first", first).param("last", last)
                .param("year", "PUPIL".equals(kind) ? "7" : null).param("now", now).update();
        return jdbc.sql("SELECT MAX(id) FROM person WHERE legal_last_name = :last").param("last", last)
                .query(Long.class).single();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A signed-in user with exactly the role's permissions, creating the account if needed. */
    static Authentication user(AccountService service, Accounts accounts, String username, Role role) {
        long id = accounts.idOf(username)
                .orElseGet(() -> service.create(username, "Test " + username, role, "incident password 1", "test"));
        return UsernamePasswordAuthenticationToken.authenticated(new AccountPrincipal(id, username), null,
                role.permissions().stream().map(p -> new SimpleGrantedAuthority(p.authority())).toList());
    }

    static Viewer viewer(Authentication user) {
        return Viewer.of(user);
    }

    /** A valid pupil incident in the given category. */
    static NewIncident pupilIncident(long pupilId, String categoryId) {
        return new NewIncident(SubjectType.PUPIL, categoryId, List.of(pupilId),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), "IT suite", "Saw the screen.", null, List.of());
    }
}
