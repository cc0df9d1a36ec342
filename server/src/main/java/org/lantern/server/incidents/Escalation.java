package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the earlier incidents that make a new one a continued infringement (seed 002's tables:
 * "Continued infringements of the above, following previous warnings or sanctions"): incidents
 * in which any of the same people was a misuser, that happened within
 * {@link IncidentRules#escalationPeriod()} of it. Only misusers count, on both records: a child at
 * risk, a witness or a reporter has not infringed anything.
 * Only staff-recorded behaviour records count: a pupil's own report of a worry is not an
 * infringement, and a child-protection record is about the child's welfare, not a sanction (and
 * must not become visible through the escalation of a behaviour record).
 */
@Component
class Escalation {

    private final JdbcClient jdbc;
    private final IncidentRules rules;

    Escalation(JdbcClient jdbc, IncidentRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /** The earlier incidents where these misusers were misusers, oldest first; empty if this is not a continued infringement. */
    List<Long> earlierIncidents(long incidentId, List<Long> personIds, OffsetDateTime occurredAt) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        OffsetDateTime at = occurredAt.withOffsetSameInstant(ZoneOffset.UTC);
        return jdbc.sql("SELECT DISTINCT i.id, i.occurred_at FROM incident i JOIN incident_subject s ON s.incident_id = i.id "
                        + "WHERE s.person_id IN (:people) AND s.role = 'MISUSER' AND i.id < :id AND i.record_kind = 'BEHAVIOUR' "
                        + "AND i.source = 'STAFF' AND i.occurred_at BETWEEN :from AND :to ORDER BY i.occurred_at, i.id")
                .param("people", personIds).param("id", incidentId)
                .param("from", at.minus(rules.escalationPeriod())).param("to", at.plus(rules.escalationPeriod()))
                .query((rs, n) -> rs.getLong("id")).list();
    }
}
