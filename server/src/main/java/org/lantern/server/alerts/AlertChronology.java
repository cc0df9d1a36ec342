package org.lantern.server.alerts;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.lantern.server.incidents.ChronologySource;
import org.lantern.server.incidents.ChronologyEntry;
import org.lantern.server.incidents.Viewer;
import org.springframework.stereotype.Component;

/**
 * Puts a person's filter alerts in their chronology, so the DSL sees a pupil's attempts to reach
 * illegal content or get round the filter beside the incidents recorded about them. The address
 * itself is left out: an alert's address may be evidence of a crime and is shown only on the
 * alert's own page, as text.
 */
@Component
class AlertChronology implements ChronologySource {

    private final AlertRegister register;

    AlertChronology(AlertRegister register) {
        this.register = register;
    }

    @Override
    public List<ChronologyEntry> entries(long personId, Viewer viewer) {
        // Alerts are read with INCIDENT_READ_ALL, the same as the chronology page itself.
        if (!viewer.readAll()) {
            return List.of();
        }
        return register.about(personId).stream().map(AlertChronology::entry).toList();
    }

    private static ChronologyEntry entry(Alert alert) {
        String times = alert.occurrences() == 1 ? "1 request" : alert.occurrences() + " requests";
        String detail = switch (alert.status()) {
            case NEW -> times + "; not yet looked into";
            case IN_REVIEW -> times + "; in review" + (alert.assignee() == null ? "" : " (" + alert.assignee() + ")");
            case CLOSED -> times + "; closed by " + alert.closedBy() + ": "
                    + alert.outcome().label().toLowerCase(Locale.ROOT);
        };
        return new ChronologyEntry(alert.firstSeenAt().atOffset(ZoneOffset.UTC), "Filter alert",
                alert.kind().label() + ": " + alert.categoryName(), detail, null,
                AlertAccessLog.ALERT, alert.id(), "/alerts/" + alert.id(), alert.kind().illegal());
    }
}
