package org.lantern.server.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every look at an alert: who, when, how. Kept in the same access log as incident records
 * (record type {@code alert}), so "who has seen this?" has one answer for all safeguarding
 * records.
 */
@Component
class AlertAccessLog {

    static final String ALERT = "alert";

    private final JdbcClient jdbc;

    AlertAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One look.
     *
     * @param at       when
     * @param username who
     * @param channel  the alert's page, the API or a line of the list
     */
    record Look(Instant at, String username, Channel channel) {
    }

    void log(Viewer viewer, long alertId, Channel channel) {
        jdbc.sql("INSERT INTO record_access (accessed_at, account_id, username, record_type, record_id, channel, allowed) "
                        + "VALUES (:at, :account, :username, :type, :id, :channel, TRUE)")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("account", viewer.accountId())
                .param("username", viewer.username()).param("type", ALERT).param("id", alertId)
                .param("channel", channel.name()).update();
    }

    /** The looks at one alert, oldest first. */
    List<Look> looks(long alertId) {
        return jdbc.sql("SELECT accessed_at, username, channel FROM record_access "
                        + "WHERE record_type = :type AND record_id = :id ORDER BY id")
                .param("type", ALERT).param("id", alertId)
                .query((rs, n) -> new Look(rs.getObject("accessed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("username"), Channel.valueOf(rs.getString("channel"))))
                .list();
    }
}
