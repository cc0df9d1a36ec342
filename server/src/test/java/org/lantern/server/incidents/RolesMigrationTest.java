package org.lantern.server.incidents;

import java.util.List;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lantern.server.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V18 moves existing records over (issue 14): a staff record keeps its sanctions row with its
 * subject as the misuser, and its actions name that misuser when it has one; a pupil's own report
 * becomes a concern with the pupil as reporter and child at risk, never a misuser. Runs on H2 and
 * on PostgreSQL like every persistence test, with rows written in the shape V17 left.
 */
@Tag("persistence")
@ExtendWith(TestDatabase.AvailableCondition.class)
class RolesMigrationTest {

    @Test
    void existingRecordsMoveOverWithTheirSubjectsAsMisusersAndPupilsReportsAsConcerns() throws Exception {
        FluentConfiguration before = TestDatabase.freshFlyway("17");
        before.load().migrate();
        java.sql.Connection connection = before.getDataSource().getConnection();
        try (SingleConnectionDataSource data = new SingleConnectionDataSource(connection, true)) {
            JdbcClient jdbc = JdbcClient.create(data);
            jdbc.sql("INSERT INTO account (id, username, display_name, role, password_hash, password_changed_at, created_at) "
                    + "VALUES (1, 'teacher', 'T', 'STAFF', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").update();
            for (long p = 1; p <= 3; p++) {
                jdbc.sql("INSERT INTO person (id, kind, legal_first_name, legal_last_name, created_at, updated_at) "
                        + "VALUES (:id, 'PUPIL', 'P', :last, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                        .param("id", p).param("last", "Pupil" + p).update();
            }
            incident(jdbc, 10, "mobile-device-misuse", "STAFF", List.of(1L));
            incident(jdbc, 11, "offensive-messages", "STAFF", List.of(1L, 2L));
            incident(jdbc, 12, "pupil-report", "PUPIL_REPORT", List.of(3L));

            before.target("latest").load().migrate();

            assertThat(jdbc.sql("SELECT id, incident_type FROM incident ORDER BY id").query().listOfRows())
                    .extracting(r -> r.get("incident_type")).containsExactly("MISUSE", "MISUSE", "CONCERN");
            assertThat(roles(jdbc, 10)).containsExactly("1 MISUSER");
            assertThat(roles(jdbc, 11)).containsExactly("1 MISUSER", "2 MISUSER");
            assertThat(roles(jdbc, 12)).containsExactly("3 AT_RISK", "3 REPORTER");
            assertThat(jdbc.sql("SELECT category_id FROM incident WHERE id = 10").query(String.class).single())
                    .isEqualTo("mobile-device-misuse");
            assertThat(actionPeople(jdbc, 10)).containsExactly(1L);
            assertThat(actionPeople(jdbc, 11)).containsOnlyNulls();
            assertThat(actionPeople(jdbc, 12)).containsOnlyNulls();
        }
    }

    private static void incident(JdbcClient jdbc, long id, String category, String source, List<Long> subjects) {
        jdbc.sql("INSERT INTO incident (id, subject_type, category_id, category_text, occurred_at, description, "
                        + "recorded_by_account, recorded_by, recorded_at, source, record_kind) VALUES (:id, 'PUPIL', :category, "
                        + ":category, CURRENT_TIMESTAMP, 'What happened', 1, 'teacher', CURRENT_TIMESTAMP, :source, :kind)")
                .param("id", id).param("category", category).param("source", source)
                .param("kind", source.equals("STAFF") ? "BEHAVIOUR" : "CHILD_PROTECTION").update();
        for (long person : subjects) {
            jdbc.sql("INSERT INTO incident_subject (incident_id, person_id) VALUES (:id, :person)")
                    .param("id", id).param("person", person).update();
        }
        jdbc.sql("INSERT INTO incident_action (incident_id, column_id, column_text, owner_role, due_on, status) "
                + "VALUES (:id, 'refer-to-dsl', 'Refer to DSL', 'DSL', CURRENT_DATE, 'OPEN')").param("id", id).update();
    }

    private static List<String> roles(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT person_id, role FROM incident_subject WHERE incident_id = :id ORDER BY person_id, role")
                .param("id", id).query((rs, n) -> rs.getLong(1) + " " + rs.getString(2)).list();
    }

    private static List<Long> actionPeople(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT person_id FROM incident_action WHERE incident_id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1, Long.class)).list();
    }
}
