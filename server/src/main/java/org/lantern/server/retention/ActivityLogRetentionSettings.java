package org.lantern.server.retention;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The school's choices of the activity log's retention period, made on the retention page: the
 * newest is in force. Append-only, so the table is also the record of who chose what and why; the
 * installation's property ({@link ActivityLogRetentionProperties}) stays the default until a
 * choice is made and again after a choice of "the default".
 */
@Repository
class ActivityLogRetentionSettings {

    private final JdbcClient jdbc;

    ActivityLogRetentionSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return the choice in force: empty if none was ever made; a choice holding no period if the
     *     school chose the default
     */
    Optional<Optional<Period>> current() {
        return jdbc.sql("SELECT period_days FROM activity_log_retention_setting ORDER BY chosen_at DESC, id DESC"
                        + " LIMIT 1")
                .query((rs, n) -> Optional.ofNullable(rs.getObject("period_days", Integer.class)).map(Period::ofDays))
                .optional();
    }

    void choose(Integer days, String actor, String reason) {
        jdbc.sql("INSERT INTO activity_log_retention_setting (period_days, chosen_by, chosen_at, reason)"
                        + " VALUES (:days, :by, :at, :reason)")
                .param("days", days, Types.INTEGER)
                .param("by", actor)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("reason", reason)
                .update();
    }
}
