package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.util.Map;

import org.lantern.server.audit.AuditChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts a record on the illegal-material path's investigation: seed 002 says that once illegal
 * material is suspected, monitoring of the device stops and the procedure takes over, so the time
 * and the person who stopped it are kept and audited. However the record got there (recorded by
 * staff, reported by a pupil from the block page, or given an illegal-material category by the
 * DSL), the investigation starts the same way.
 */
@Component
class MonitoringHalt {

    private final JdbcClient jdbc;
    private final AuditChain audit;

    MonitoringHalt(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Opens the investigation of an incident with monitoring halted now, audited after whatever
     * put the record on the path, so the chain reads as it happened. Runs in the caller's transaction.
     *
     * @param incidentId the incident
     * @param at when monitoring was halted
     * @param by the user name of whoever halted it
     */
    void halt(long incidentId, OffsetDateTime at, String by) {
        jdbc.sql("INSERT INTO incident_investigation (incident_id, monitoring_halted_at, monitoring_halted_by) "
                + "VALUES (:id, :now, :by)").param("id", incidentId).param("now", at).param("by", by).update();
        audit.append(by, "incident.monitoring-halted", RecordAccessLog.INCIDENT, Long.toString(incidentId),
                IncidentService.json(Map.of("reason", "suspected illegal material")));
    }
}
