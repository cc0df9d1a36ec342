package org.lantern.server.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit of changes made to accounts ({@code account_event}): who did what, when and why. */
@Repository
public class AccountEvents {

    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;

    AccountEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One audited change to an account. */
    public record AccountEvent(long accountId, Instant occurredAt, String actor, String action, String reason) {
    }

    void record(long accountId, String actor, String action, String reason) {
        String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
        if (trimmed != null && trimmed.length() > MAX_REASON) {
            trimmed = trimmed.substring(0, MAX_REASON);
        }
        jdbc.sql("INSERT INTO account_event (account_id, occurred_at, actor, action, reason) VALUES (:a, :t, :who, :what, :why)")
                .param("a", accountId).param("t", AccountStore.utc(Instant.now())).param("who", actor)
                .param("what", action).param("why", trimmed).update();
    }

    /** Every change to one account, newest first. */
    public List<AccountEvent> forAccount(long accountId) {
        return jdbc.sql("SELECT account_id, occurred_at, actor, action, reason FROM account_event WHERE account_id = :a ORDER BY id DESC")
                .param("a", accountId)
                .query((rs, n) -> new AccountEvent(rs.getLong(1), AccountStore.instant(rs, "occurred_at"),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
