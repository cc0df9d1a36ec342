package org.lantern.server.identity;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Account changes requested by other features. */
@Service
class JdbcAccounts implements Accounts {

    private final JdbcClient jdbc;

    JdbcAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> idOf(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", username).query(Long.class).optional();
    }

    @Override
    public void disable(long accountId, String actor, String reason) {
        setEnabled(accountId, false);
    }

    @Override
    public void enable(long accountId, String actor, String reason) {
        setEnabled(accountId, true);
    }

    private void setEnabled(long accountId, boolean enabled) {
        jdbc.sql("UPDATE account SET enabled = :e WHERE id = :id").param("e", enabled).param("id", accountId).update();
    }
}
