package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The incidents' part of a person's chronology: each incident about them, each of its actions as
 * created and as closed (done, waived or a decision not to refer), its escalation and, on the
 * illegal path, the halt of monitoring and the investigation. Child-protection records appear only
 * for those who may read them; addresses on the illegal path appear redacted.
 */
@Component
class IncidentChronology implements ChronologySource {

    private final IncidentService incidents;
    private final IncidentRules rules;

    IncidentChronology(IncidentService incidents, IncidentRules rules) {
        this.incidents = incidents;
        this.rules = rules;
    }

    @Override
    public List<ChronologyEntry> entries(long personId, Viewer viewer) {
        List<ChronologyEntry> entries = new ArrayList<>();
        for (Incident i : incidents.about(personId, viewer)) {
            Lines lines = new Lines(i, entries);
            lines.add(i.occurredAt(), i.source() == IncidentSource.PUPIL_REPORT ? "Concern reported" : "Incident",
                    i.categoryText(), account(i), i.recordedBy());
            if (i.escalated()) {
                lines.add(i.recordedAt(), "Escalated", "Continued infringement: a further incident within "
                        + rules.escalationPeriod().toDays() + " days of incident "
                        + i.escalatedFrom().stream().map(String::valueOf).collect(Collectors.joining(", ")), null, null);
            }
            if (i.investigation() != null) {
                lines.add(i.investigation().monitoringHaltedAt(), "Monitoring halted",
                        "Suspected illegal material: monitoring of the item halted; refer to the police", null,
                        i.investigation().monitoringHaltedBy());
            }
            for (IncidentAction a : i.actions()) {
                lines.add(a.createdAt() != null ? a.createdAt() : i.recordedAt(),
                        a.addedReason() != null ? "Action added" : "Action created", a.columnText(), a.addedReason(), null);
                if (a.status() != ActionStatus.OPEN) {
                    lines.add(a.closedAt(), a.status() == ActionStatus.DONE ? "Action completed" : a.status().label(),
                            a.columnText(), a.outcome(), a.closedBy());
                }
            }
            if (i.investigation() != null && i.investigation().closed()) {
                lines.add(i.investigation().closedAt(), "Investigation closed", "Senior staff: "
                        + i.investigation().seniorStaff().stream().map(Investigation.Investigator::username)
                        .collect(Collectors.joining(", ")) + "; designated computer: "
                        + i.investigation().designatedComputer(), i.investigation().outcome(), i.investigation().closedBy());
            }
        }
        return entries;
    }

    /** What was recorded, in full: the words, where, and the links as they may be shown. */
    private static String account(Incident i) {
        StringBuilder text = new StringBuilder(i.description());
        if (i.childWords() != null) {
            text.append("\nIn the child's words: ").append(i.childWords());
        }
        if (i.location() != null) {
            text.append("\nWhere: ").append(i.location());
        }
        if (!i.links().isEmpty()) {
            text.append("\nLinks: ").append(String.join(", ", i.shownLinks()));
        }
        return text.toString();
    }

    /** Adds an incident's lines with its record details filled in. */
    private record Lines(Incident incident, List<ChronologyEntry> entries) {
        void add(OffsetDateTime at, String type, String summary, String detail, String by) {
            entries.add(new ChronologyEntry(at, type, "Incident " + incident.id() + ": " + summary, detail, by,
                    RecordAccessLog.INCIDENT, incident.id(), "/incidents/" + incident.id(),
                    incident.recordKind() == RecordKind.CHILD_PROTECTION));
        }
    }
}
