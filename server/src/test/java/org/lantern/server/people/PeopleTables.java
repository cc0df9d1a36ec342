package org.lantern.server.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test helpers for the people tables. Spring may reuse one application context (and so one
 * database) across test classes, so each people test starts by emptying the people tables.
 */
public final class PeopleTables {

    private PeopleTables() {
    }

    public static void clear(JdbcClient jdbc) {
        // Other features' rows that name a person go first, or the foreign keys refuse the delete.
        jdbc.sql("UPDATE incident_action SET person_id = NULL").update();
        for (String table : new String[] {"training_certificate", "training_completion", "takedown_task",
                "publication_pupil", "consent_never_publish", "consent", "device_loan_email", "device_loan",
                "personal_device", "agreement_acceptance", "subject_access_cp_inclusion", "subject_access_export",
                "subject_access_request", "incident_subject", "unblock_request_person",
                "person_group", "person_group_change", "access_suspension",
                "internet_access_event", "network_identity", "person", "people_import"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    static byte[] fixture() {
        try (InputStream in = PeopleTables.class.getResourceAsStream("/people/mis-export.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static long insertAccount(JdbcClient jdbc, String username) {
        jdbc.sql("INSERT INTO account (username, display_name, role, password_hash, enabled, password_changed_at, created_at) "
                        + "VALUES (:u, :u, 'STAFF', 'x', TRUE, :now, :now)")
                .param("u", username).param("now", People.now()).update();
        return jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", username).query(Long.class).single();
    }

    static boolean accountEnabled(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT enabled FROM account WHERE id = :id").param("id", id).query(Boolean.class).single();
    }
}
