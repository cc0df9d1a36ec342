package org.lantern.server.identity.password;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and records the administrator's choice of password policy preset. Choices are append-only. */
@Repository
class PasswordPolicySettings {

    private final JdbcClient jdbc;

    PasswordPolicySettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The preset in force: the newest choice, or the school policy if none was ever recorded. */
    PasswordPreset active() {
        return jdbc.sql("SELECT preset FROM password_policy_setting ORDER BY chosen_at DESC, id DESC LIMIT 1")
                .query(String.class)
                .optional()
                .map(PasswordPreset::valueOf)
                .orElse(PasswordPreset.SCHOOL_POLICY);
    }

    void choose(PasswordPreset preset, String actor, String reason) {
        jdbc.sql("INSERT INTO password_policy_setting (preset, chosen_by, chosen_at, reason) VALUES (:p, :by, :at, :r)")
                .param("p", preset.name())
                .param("by", actor)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("r", reason)
                .update();
    }

    /** Every choice, newest first. */
    List<PolicyChoice> history() {
        return jdbc.sql("SELECT preset, chosen_by, chosen_at, reason FROM password_policy_setting ORDER BY chosen_at DESC, id DESC")
                .query((rs, n) -> new PolicyChoice(
                        PasswordPreset.valueOf(rs.getString("preset")),
                        rs.getString("chosen_by"),
                        rs.getObject("chosen_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString("reason")))
                .list();
    }
}
