package org.lantern.server.identity.password;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The password-related columns of {@code account}, plus {@code password_history} and {@code password_event}. */
@Repository
class PasswordAccounts {

    /** What this feature needs of one account row. */
    record Row(long id, String username, String displayName, String role, String passwordHash,
               boolean mustChangePassword, OffsetDateTime passwordChangedAt, int credentialsVersion) {
    }

    private static final String COLUMNS =
            "SELECT id, username, display_name, role, password_hash, must_change_password, password_changed_at, credentials_version FROM account ";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("display_name"),
            rs.getString("role"),
            rs.getString("password_hash"),
            rs.getBoolean("must_change_password"),
            rs.getObject("password_changed_at", OffsetDateTime.class),
            rs.getInt("credentials_version"));

    private final JdbcClient jdbc;

    PasswordAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> byId(long accountId) {
        return jdbc.sql(COLUMNS + "WHERE id = :id").param("id", accountId).query(ROW).optional();
    }

    Optional<Row> byUsername(String username) {
        return jdbc.sql(COLUMNS + "WHERE username = :u").param("u", username).query(ROW).optional();
    }

    /** Reads the account and locks its row until the transaction ends, so two changes cannot interleave. */
    Optional<Row> lock(long accountId) {
        return jdbc.sql(COLUMNS + "WHERE id = :id FOR UPDATE").param("id", accountId).query(ROW).optional();
    }

    /** Hashes of previous passwords, newest first. */
    List<String> previousHashes(long accountId) {
        return jdbc.sql("SELECT password_hash FROM password_history WHERE account_id = :id ORDER BY replaced_at DESC, id DESC")
                .param("id", accountId)
                .query(String.class)
                .list();
    }

    /**
     * Replaces the account's password: the old hash goes to the history, which is then trimmed to
     * {@code keep} entries, and the credentials version moves on, ending sessions signed in before.
     */
    void replacePassword(Row account, String newHash, boolean mustChange, OffsetDateTime now, int keep) {
        jdbc.sql("INSERT INTO password_history (account_id, password_hash, replaced_at) VALUES (:id, :h, :at)")
                .param("id", account.id()).param("h", account.passwordHash()).param("at", now)
                .update();
        jdbc.sql("UPDATE account SET password_hash = :h, password_changed_at = :at, must_change_password = :m, "
                        + "credentials_version = credentials_version + 1 WHERE id = :id")
                .param("h", newHash).param("at", now).param("m", mustChange).param("id", account.id())
                .update();
        List<Long> stale = jdbc.sql("SELECT id FROM password_history WHERE account_id = :id ORDER BY replaced_at DESC, id DESC")
                .param("id", account.id())
                .query(Long.class)
                .list();
        if (stale.size() > keep) {
            jdbc.sql("DELETE FROM password_history WHERE id IN (:ids)").param("ids", stale.subList(keep, stale.size())).update();
        }
    }

    void recordEvent(long accountId, String event, String actor, String detail, OffsetDateTime now) {
        jdbc.sql("INSERT INTO password_event (account_id, occurred_at, event, actor, detail) VALUES (:id, :at, :e, :a, :d)")
                .param("id", accountId).param("at", now).param("e", event).param("a", actor).param("d", detail)
                .update();
    }
}
