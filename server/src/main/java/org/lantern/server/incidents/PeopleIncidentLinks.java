package org.lantern.server.incidents;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.lantern.server.identity.Permission;
import org.lantern.server.people.IncidentLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Answers the people pages' questions about the incidents they name, by the same rule as opening
 * one ({@link Viewer#mayRead(RecordKind, Long)}). Reads only each record's kind and recorder, so
 * nothing of a record is read and no look needs logging.
 */
@Component
class PeopleIncidentLinks implements IncidentLinks {

    private final JdbcClient jdbc;

    PeopleIncidentLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> openable(Collection<Long> incidentIds, Authentication viewer) {
        Set<Long> open = new HashSet<>();
        if (!Permission.INCIDENT_RECORD.heldBy(viewer) || incidentIds.isEmpty()) {
            return open;
        }
        Viewer who = Viewer.of(viewer);
        jdbc.sql("SELECT id, record_kind, recorded_by_account FROM incident WHERE id IN (:ids)")
                .param("ids", incidentIds).query(rs -> {
                    long recorder = rs.getLong("recorded_by_account");
                    if (who.mayRead(RecordKind.valueOf(rs.getString("record_kind")), rs.wasNull() ? null : recorder)) {
                        open.add(rs.getLong("id"));
                    }
                });
        return open;
    }

    @Override
    public Set<Long> childProtection(Collection<Long> incidentIds) {
        if (incidentIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT id FROM incident WHERE record_kind = 'CHILD_PROTECTION' AND id IN (:ids)")
                .param("ids", incidentIds).query(Long.class).list());
    }
}
