package org.lantern.server.identity.password;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Inserts account rows the way identity's account administration will, for tests of this feature. */
final class TestAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    TestAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** A fresh username, so test classes sharing a database never collide. */
    static String uniqueUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    long insert(String username, String password, OffsetDateTime passwordChangedAt) {
        jdbc.sql("""
                INSERT INTO account (username, display_name, role, password_hash, enabled, must_change_password,
                                     password_changed_at, created_at)
                VALUES (:u, 'Jane Smith', 'STAFF', :h, TRUE, FALSE, :changed, :changed)""")
                .param("u", username)
                .param("h", encoder.encode(password))
                .param("changed", passwordChangedAt)
                .update();
        return jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", username).query(Long.class).single();
    }

    long insert(String username, String password) {
        return insert(username, password, OffsetDateTime.now(ZoneOffset.UTC));
    }

    String hashOf(long accountId) {
        return jdbc.sql("SELECT password_hash FROM account WHERE id = :id").param("id", accountId).query(String.class).single();
    }

    boolean mustChange(long accountId) {
        return jdbc.sql("SELECT must_change_password FROM account WHERE id = :id").param("id", accountId).query(Boolean.class).single();
    }

    OffsetDateTime changedAt(long accountId) {
        return jdbc.sql("SELECT password_changed_at FROM account WHERE id = :id").param("id", accountId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
    }

    /** The audit events recorded for the account, oldest first, as "EVENT by ACTOR". */
    List<String> events(long accountId) {
        return jdbc.sql("SELECT event, actor FROM password_event WHERE account_id = :id ORDER BY id")
                .param("id", accountId)
                .query((rs, n) -> rs.getString("event") + " by " + rs.getString("actor"))
                .list();
    }

    int historySize(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM password_history WHERE account_id = :id").param("id", accountId)
                .query(Integer.class).single();
    }
}
