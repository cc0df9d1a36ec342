package org.lantern.server.incidents.evidence;

import java.util.Optional;
import java.util.function.Predicate;

import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may reach an incident's evidence, and the record-access log of each look. An incident or
 * item the viewer may not see is an {@link EvidenceNotFoundException}, as a missing one is. The log
 * says a record was seen only when it was: a request for an item that is not in the incident (or
 * not servable as asked) is a denied look at the item and no look at the incident, even though
 * the viewer may read the incident.
 */
@Component
class EvidenceAccess {

    private final JdbcClient jdbc;
    private final IncidentService incidents;
    private final RecordAccessLog accessLog;

    EvidenceAccess(JdbcClient jdbc, IncidentService incidents, RecordAccessLog accessLog) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.accessLog = accessLog;
    }

    /**
     * The incident, if the viewer may read it; the look is logged either way.
     *
     * @throws EvidenceNotFoundException for an incident the viewer may not read
     */
    Incident incident(long incidentId, Viewer viewer, Channel channel) {
        return incidents.read(incidentId, viewer, channel).orElseThrow(EvidenceNotFoundException::new);
    }

    /**
     * An item of the incident that {@code served} accepts (e.g. one with bytes, for a download). The
     * looks at the incident and the item are logged as allowed only when it is returned.
     *
     * @throws EvidenceNotFoundException for an incident the viewer may not read, an item not in it,
     *                                   or one {@code served} refuses
     */
    Evidence item(long incidentId, long evidenceId, Viewer viewer, Channel channel, Predicate<Evidence> served) {
        return incidents.readPart(incidentId, viewer, channel, incident -> {
            Optional<Evidence> item = jdbc.sql("SELECT * FROM evidence WHERE id = :id AND incident_id = :incident")
                    .param("id", evidenceId).param("incident", incidentId).query(Evidence::of).optional()
                    .filter(served);
            // In the same log as looks at incidents, so "who has seen this?" has one answer.
            accessLog.log(viewer, EvidenceService.RECORD_TYPE, evidenceId, channel, item.isPresent());
            return item;
        }).orElseThrow(EvidenceNotFoundException::new);
    }
}
