package org.lantern.server.support;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes test incidents with everything that refers to them, children first. Tests share one
 * database, and every feature that hangs rows off an incident (actions, escalations,
 * investigations, evidence) must be cleared before the incident itself, so the order lives here
 * once rather than in each fixture.
 */
public final class IncidentTables {

    /** Child tables keyed by how they reach an incident id, in the order they must go. */
    private static final List<String> CHILDREN = List.of(
            "DELETE FROM evidence_custody WHERE evidence_id IN (SELECT id FROM evidence WHERE incident_id IN (%s))",
            "DELETE FROM evidence_content WHERE evidence_id IN (SELECT id FROM evidence WHERE incident_id IN (%s))",
            "DELETE FROM evidence WHERE incident_id IN (%s)",
            "DELETE FROM incident_investigator WHERE incident_id IN (%s)",
            "DELETE FROM incident_investigation WHERE incident_id IN (%s)",
            "DELETE FROM case_event WHERE incident_id IN (%s)",
            "DELETE FROM subject_access_cp_inclusion WHERE incident_id IN (%s)",
            "DELETE FROM incident_escalation WHERE incident_id IN (%1$s) OR earlier_incident_id IN (%1$s)",
            "DELETE FROM incident_action WHERE incident_id IN (%s)",
            "DELETE FROM incident_subject WHERE incident_id IN (%s)",
            "DELETE FROM incident_link WHERE incident_id IN (%s)",
            "DELETE FROM device_loan_email WHERE loan_id IN (SELECT id FROM device_loan WHERE incident_id IN (%s))",
            "DELETE FROM device_loan WHERE incident_id IN (%s)",
            "DELETE FROM incident WHERE id IN (%s)");

    private IncidentTables() {
    }

    /**
     * Deletes the incidents a query selects.
     *
     * @param idQuery a {@code SELECT id FROM incident ...} naming the incidents, with named parameters
     * @param params  the query's parameters
     */
    public static void delete(JdbcClient jdbc, String idQuery, Map<String, ?> params) {
        // Materialise the ids first: the query may read a child table that is about to be emptied.
        List<Long> ids = jdbc.sql(idQuery).params(params).query(Long.class).list();
        if (ids.isEmpty()) {
            return;
        }
        for (String statement : CHILDREN) {
            jdbc.sql(statement.formatted(":ids")).param("ids", ids).update();
        }
    }
}
