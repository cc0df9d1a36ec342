package org.lantern.server.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.lantern.server.audit.AuditChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's setting of whether the network manager sees pupils' names in the activity log,
 * chosen by the headteacher or the DSL on the activity log's settings page. The newest choice is in
 * force; until one is made, the installation's {@link ActivityPrivacyProperties} give the first
 * value. Choices are appended, never changed, so the table is the history of who chose what, when
 * and why, and each choice is also written to the {@link AuditChain}.
 */
@Service
public class ActivityNamesSetting {

    /** The audit action of a change of the setting. */
    public static final String CHOSEN = "activity.technical-sees-names-chosen";
    private static final String RECORD_TYPE = "activity_setting";
    private static final int MAX_REASON = 1_000;

    private final JdbcClient jdbc;
    private final ActivityPrivacyProperties defaults;
    private final AuditChain audit;

    ActivityNamesSetting(JdbcClient jdbc, ActivityPrivacyProperties defaults, AuditChain audit) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.audit = audit;
    }

    /** @return whether holders of ACTIVITY_READ_TECHNICAL see names now */
    public boolean technicalSeesNames() {
        return jdbc.sql("SELECT technical_sees_names FROM activity_names_setting ORDER BY chosen_at DESC, id DESC"
                + " LIMIT 1").query(Boolean.class).optional().orElse(defaults.technicalSeesNames());
    }

    /**
     * Records the school's choice and audits it; searches made after it follow it.
     *
     * @param technicalSeesNames whether the network manager is to see names
     * @param reason why, kept in the history; required
     * @param actor who chose
     * @throws ActivitySettingRejectedException for a missing or over-long reason; nothing is changed
     */
    @Transactional
    public void choose(boolean technicalSeesNames, String reason, String actor) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ActivitySettingRejectedException("Give a reason.");
        }
        if (why.length() > MAX_REASON) {
            throw new ActivitySettingRejectedException("The reason is longer than " + MAX_REASON + " characters.");
        }
        jdbc.sql("INSERT INTO activity_names_setting (technical_sees_names, chosen_by, chosen_at, reason)"
                        + " VALUES (:names, :by, :at, :reason)")
                .param("names", technicalSeesNames).param("by", actor)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("reason", why).update();
        audit.append(actor, CHOSEN, RECORD_TYPE, "technical-sees-names",
                "{\"technicalSeesNames\":" + technicalSeesNames + "}");
    }

    /** @return the choices made, newest first */
    public List<Choice> history() {
        return jdbc.sql("SELECT technical_sees_names, chosen_by, chosen_at, reason FROM activity_names_setting"
                        + " ORDER BY chosen_at DESC, id DESC")
                .query((rs, n) -> new Choice(rs.getBoolean(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .list();
    }

    /** @return what the installation gives when the school has made no choice */
    public boolean installationDefault() {
        return defaults.technicalSeesNames();
    }

    /**
     * One choice of the setting.
     *
     * @param technicalSeesNames what was chosen
     * @param by                 who chose
     * @param at                 when
     * @param reason             why
     */
    public record Choice(boolean technicalSeesNames, String by, Instant at, String reason) {
        /** @return what was chosen, in words, for the history table */
        public String chose() {
            return technicalSeesNames ? "names shown" : "names not shown";
        }
    }
}
