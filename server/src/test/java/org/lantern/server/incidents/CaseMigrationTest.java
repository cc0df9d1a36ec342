package org.lantern.server.incidents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lantern.server.support.MigrationSchema;
import org.lantern.server.support.PersistenceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V19 on a database that already holds records: built up to the version before it in a schema of
 * its own, given records as the earlier versions wrote them, then migrated. A record with anything
 * left to do stays an open case; one with nothing left is closed, saying why.
 */
@PersistenceTest
class CaseMigrationTest {

    private static final MigrationVersion CASES = MigrationVersion.fromVersion("19");
    private static final OffsetDateTime THEN = OffsetDateTime.of(2025, 3, 14, 10, 30, 0, 0, ZoneOffset.UTC);

    @RegisterExtension
    final MigrationSchema schema = new MigrationSchema("cases");

    private long incident(long account) {
        schema.jdbc().sql("INSERT INTO " + schema.table("incident") + " (subject_type, category_id, category_text, occurred_at, description, "
                        + "recorded_by_account, recorded_by, recorded_at) VALUES ('PUPIL', 'mobile-device-misuse', "
                        + "'Mobile device misuse', :at, 'Filmed a pupil.', :account, 'teacher', :at)")
                .param("at", THEN).param("account", account).update();
        return schema.jdbc().sql("SELECT MAX(id) FROM " + schema.table("incident")).query(Long.class).single();
    }

    private void action(long incident, String status) {
        schema.jdbc().sql("INSERT INTO " + schema.table("incident_action") + " (incident_id, column_id, column_text, owner_role, due_on, status) "
                        + "VALUES (:id, 'refer-to-dsl', 'Refer to DSL', 'DSL', :due, :status)")
                .param("id", incident).param("due", LocalDate.of(2025, 3, 17)).param("status", status).update();
    }

    private Map<String, Object> caseOf(long incident) {
        return schema.jdbc().sql("SELECT case_status, case_outcome, case_priority, case_owner_account, case_review_on FROM "
                + schema.table("incident") + " WHERE id = :id").param("id", incident).query().singleRow();
    }

    @Test
    void existingRecordsBecomeOpenCasesIfAnythingIsLeftToDoAndClosedOnesOtherwise() {
        schema.migrateToJustBefore(CASES);
        schema.jdbc().sql("INSERT INTO " + schema.table("account") + " (username, display_name, role, password_hash, password_changed_at, "
                + "created_at) VALUES ('teacher', 'Tom Teacher', 'STAFF', 'x', :at, :at)").param("at", THEN).update();
        long account = schema.jdbc().sql("SELECT id FROM " + schema.table("account")).query(Long.class).single();
        long openAction = incident(account);
        action(openAction, "DONE");
        action(openAction, "OPEN");
        long allDone = incident(account);
        action(allDone, "DONE");
        action(allDone, "WAIVED");
        long investigating = incident(account);
        schema.jdbc().sql("INSERT INTO " + schema.table("incident_investigation") + " (incident_id, monitoring_halted_at, "
                + "monitoring_halted_by) VALUES (:id, :at, 'dsl')").param("id", investigating).param("at", THEN).update();
        long nothing = incident(account);

        schema.migrateTo("latest");

        assertThat(caseOf(openAction)).containsEntry("case_status", "OPEN").containsEntry("case_outcome", null);
        assertThat(caseOf(investigating)).containsEntry("case_status", "OPEN");
        for (long closed : new long[] {allDone, nothing}) {
            assertThat(caseOf(closed)).containsEntry("case_status", "CLOSED").extractingByKey("case_outcome")
                    .asString().startsWith("Closed when cases were introduced");
        }
        assertThat(caseOf(openAction)).containsEntry("case_priority", null).containsEntry("case_owner_account", null)
                .containsEntry("case_review_on", null);
        assertThat(schema.jdbc().sql("SELECT COUNT(*) FROM " + schema.table("incident_action") + " WHERE owner_account IS NULL")
                .query(Long.class).single()).isEqualTo(4);
    }
}
