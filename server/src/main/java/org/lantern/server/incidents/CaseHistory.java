package org.lantern.server.incidents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * A record's history, and the case's part of a person's chronology. The history is the record's
 * own events ({@link IncidentChronology}: what was recorded and done) with every change to its
 * case (status, priority, owners, review date, a pupil's report's concern). A person's chronology
 * takes only the status changes, with their outcomes and reasons, and the concern chosen for a
 * pupil's report with the steps it brought: who owned a case when is the record's business, but an
 * agency reading the chronology needs to see when a case was closed, how, why it reopened, and
 * what the school judged a child's own report to be.
 */
@Component
class CaseHistory implements ChronologySource {

    private final IncidentService incidents;
    private final IncidentChronology chronology;
    private final CaseService cases;

    CaseHistory(IncidentService incidents, IncidentChronology chronology, CaseService cases) {
        this.incidents = incidents;
        this.chronology = chronology;
        this.cases = cases;
    }

    @Override
    public List<ChronologyEntry> entries(long personId, Viewer viewer) {
        List<ChronologyEntry> entries = new ArrayList<>();
        for (Incident i : incidents.about(personId, viewer)) {
            cases.events(i.id()).stream().filter(e -> e.kind() == CaseEvent.Kind.STATUS || e.kind() == CaseEvent.Kind.CATEGORY)
                    .map(e -> entry(i, e))
                    .forEach(entries::add);
        }
        return entries;
    }

    /** Everything that happened to a record the caller has read, oldest first. */
    List<ChronologyEntry> of(Incident incident) {
        List<ChronologyEntry> entries = new ArrayList<>(chronology.events(incident));
        cases.events(incident.id()).stream().map(e -> entry(incident, e)).forEach(entries::add);
        // Stable: the record's own events keep their order where times are equal.
        entries.sort(Comparator.comparing(ChronologyEntry::at));
        return entries;
    }

    private static ChronologyEntry entry(Incident incident, CaseEvent e) {
        String change = shown(e.from()) + " → " + shown(e.to());
        String type = switch (e.kind()) {
            case STATUS -> "Closed".equals(e.to()) ? "Case closed" : "Closed".equals(e.from()) ? "Case reopened" : "Case status";
            case PRIORITY -> "Priority";
            case OWNER -> "Case owner";
            case REVIEW -> "Review date";
            case ACTION_OWNER -> "Action owner";
            case CATEGORY -> "Category set";
        };
        String summary = switch (e.kind()) {
            case ACTION_OWNER -> e.note() + ": " + change;
            case CATEGORY -> "Category set to " + e.to() + " by " + e.actor() + " (was: " + e.from() + ")";
            default -> change;
        };
        String detail = e.kind() == CaseEvent.Kind.ACTION_OWNER ? null : e.note();
        return new ChronologyEntry(e.at(), type, "Incident " + incident.id() + ": " + summary, detail, e.actor(),
                RecordAccessLog.INCIDENT, incident.id(), "/incidents/" + incident.id(),
                incident.recordKind() == RecordKind.CHILD_PROTECTION);
    }

    private static String shown(String value) {
        return value == null ? "none" : value;
    }
}
