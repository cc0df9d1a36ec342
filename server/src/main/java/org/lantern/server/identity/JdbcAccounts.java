package org.lantern.server.identity;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account changes requested by other features. Disabling needs nothing more than the flag:
 * {@link AccountSessionFilter} checks it on every request, so every session and API token of the
 * account stops working on its next request, however the flag was set.
 */
@Service
class JdbcAccounts implements Accounts {

    private final JdbcClient jdbc;
    private final AccountStore store;
    private final AccountEvents events;

    JdbcAccounts(JdbcClient jdbc, AccountStore store, AccountEvents events) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
    }

    @Override
    public Optional<Long> idOf(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", username).query(Long.class).optional();
    }

    @Override
    @Transactional
    public void disable(long accountId, String actor, String reason) {
        change(accountId, false, actor, "DISABLED", reason);
    }

    @Override
    @Transactional
    public void enable(long accountId, String actor, String reason) {
        change(accountId, true, actor, "ENABLED", reason);
    }

    private void change(long accountId, boolean enabled, String actor, String action, String reason) {
        if (store.status(accountId).isEmpty()) {
            throw new AccountException("account", "There is no such account.");
        }
        store.setEnabled(accountId, enabled);
        events.record(accountId, actor, action, reason);
    }
}
