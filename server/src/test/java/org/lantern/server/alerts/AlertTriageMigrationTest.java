package org.lantern.server.alerts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lantern.server.support.MigrationSchema;
import org.lantern.server.support.PersistenceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V28 on a register that already holds acknowledged alerts: built up to the version before it in
 * a schema of its own, given alerts as V10 wrote them, then migrated. An acknowledgement said
 * someone had taken the alert on, not what came of it, so it is in review, never closed with an
 * outcome nobody chose; its note is its first note, by its author at its time; its author is the
 * assignee while their account is still an enabled DSL or deputy.
 */
@PersistenceTest
class AlertTriageMigrationTest {

    private static final MigrationVersion TRIAGE = MigrationVersion.fromVersion("28");
    private static final OffsetDateTime THEN = OffsetDateTime.of(2025, 3, 14, 10, 30, 0, 0, ZoneOffset.UTC);

    @RegisterExtension
    final MigrationSchema schema = new MigrationSchema("triage");

    private void account(String username, String role, boolean enabled) {
        schema.jdbc().sql("INSERT INTO " + schema.table("account") + " (username, display_name, role, password_hash, enabled, "
                        + "password_changed_at, created_at) VALUES (:u, :u, :role, 'x', :enabled, :at, :at)")
                .param("u", username).param("role", role).param("enabled", enabled).param("at", THEN).update();
    }

    private long alert(String status, String by, String note) {
        schema.jdbc().sql("INSERT INTO " + schema.table("filter_alert") + " (kind, fold_key, first_seen_at, last_seen_at, occurrences, "
                        + "person_id, subject_name, url, rule, category_name, policy_version, reason, status, "
                        + "acknowledged_by, acknowledged_at, acknowledgement_note) VALUES ('ILLEGAL_CONTENT', 'k', :at, "
                        + ":at, 1, 7, 'Ada', 'http://abuse.invalid/', 'ILLEGAL_LIST', 'Illegal content', 1, 'Listed.', "
                        + ":status, :by, :ackAt, :note)")
                .param("at", THEN).param("status", status).param("by", by)
                .param("ackAt", by == null ? null : THEN.plusMinutes(20)).param("note", note).update();
        return schema.jdbc().sql("SELECT MAX(id) FROM " + schema.table("filter_alert")).query(Long.class).single();
    }

    private Map<String, Object> row(long id) {
        return schema.jdbc().sql("SELECT a.status, a.outcome, acc.username AS assignee FROM " + schema.table("filter_alert") + " a LEFT JOIN "
                + schema.table("account") + " acc ON acc.id = a.assignee_account WHERE a.id = :id").param("id", id).query().singleRow()
                .entrySet().stream().collect(java.util.HashMap::new, (m, e) -> m.put(e.getKey().toLowerCase(
                        java.util.Locale.ROOT), e.getValue()), java.util.HashMap::putAll);
    }

    @Test
    void acknowledgedAlertsAreInReviewWithTheirNoteAndTheirAuthorAsAssigneeWhileStillOnTheTeam() {
        schema.migrateToJustBefore(TRIAGE);
        account("dee.dsl", "DSL", true);
        account("old.deputy", "DEPUTY_DSL", false);
        long fresh = alert("NEW", null, null);
        long byDsl = alert("ACKNOWLEDGED", "dee.dsl", "Referred to the police.");
        long byLeaver = alert("ACKNOWLEDGED", "old.deputy", "Spoke to Ada.");

        schema.migrateTo("28");

        assertThat(row(fresh)).containsEntry("status", "NEW");
        assertThat(row(byDsl)).containsEntry("status", "IN_REVIEW").containsEntry("assignee", "dee.dsl")
                .containsEntry("outcome", null);
        assertThat(row(byLeaver)).containsEntry("status", "IN_REVIEW").containsEntry("assignee", null);
        List<Map<String, Object>> notes = schema.jdbc().sql("SELECT alert_id, author, body, written_at FROM " + schema.table("alert_note")
                + " ORDER BY id").query().listOfRows();
        assertThat(notes).hasSize(2);
        assertThat(lower(notes.get(0))).containsEntry("author", "dee.dsl").containsEntry("body", "Referred to the police.");
        assertThat(toOffset(lower(notes.get(0)).get("written_at"))).isEqualTo(THEN.plusMinutes(20));
        assertThat(lower(notes.get(1))).containsEntry("author", "old.deputy").containsEntry("body", "Spoke to Ada.");
    }

    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> out = new java.util.HashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString()).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
