package org.lantern.server.incidents;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The incidents' part of a person's chronology: each incident about them, its recording with the
 * actions the table created as one event, its escalation with the actions that added, each action
 * the DSL's team added (the steps a pupil's report's chosen concern brought are that choice's one
 * event in the case history), each action closed (done, waived or a decision not to refer) and, on the
 * illegal path, the halt of monitoring and the investigation. What the system did by itself is one
 * event, not a line per action, so the events people made stand out. Child-protection records
 * appear only for those who may read them; addresses on the illegal path appear redacted.
 */
@Component
class IncidentChronology implements ChronologySource {

    /** Actions created this soon after their incident was recorded were created with it. */
    private static final Duration SAME_RECORDING = Duration.ofMinutes(1);

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
            entries.addAll(events(i));
        }
        return entries;
    }

    /** One incident's events, in the order they happened where their times are equal. */
    List<ChronologyEntry> events(Incident i) {
        List<ChronologyEntry> entries = new ArrayList<>();
        Lines lines = new Lines(i, entries);
        boolean report = i.source() == IncidentSource.PUPIL_REPORT;
        // A report keeps saying what the pupil sent; the concern chosen for it later is its own event.
        lines.add(i.occurredAt(), report ? "Concern reported" : "Incident",
                report ? ConcernReports.CATEGORY_TEXT : i.categoryText(), account(i), i.recordedBy());
        List<IncidentAction> fromTable = i.actions().stream().filter(a -> a.addedReason() == null).toList();
        List<IncidentAction> fromEscalation = i.actions().stream().filter(a -> byEscalation(i, a)).toList();
        lines.add(i.recordedAt(), "Recorded", fromTable.isEmpty() ? "no actions from the table"
                : count(fromTable) + " created from the table: " + texts(fromTable), null, i.recordedBy());
        if (i.escalated()) {
            lines.add(i.recordedAt(), "Escalated", "Continued infringement: a further incident within "
                    + rules.escalationPeriod().toDays() + " days of incident "
                    + i.escalatedFrom().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (fromEscalation.isEmpty() ? "" : "; " + count(fromEscalation) + " added: " + texts(fromEscalation)),
                    null, null);
        }
        if (i.investigation() != null) {
            lines.add(i.investigation().monitoringHaltedAt(), "Monitoring halted",
                    "Suspected illegal material: monitoring of the item halted; refer to the police", null,
                    i.investigation().monitoringHaltedBy());
        }
        for (IncidentAction a : i.actions()) {
            if (a.addedReason() != null && !fromEscalation.contains(a)
                    && !CaseService.CATEGORY_STEP_REASON.equals(a.addedReason())) {
                lines.add(a.createdAt() != null ? a.createdAt() : i.recordedAt(), "Action added", a.columnText(),
                        a.addedReason(), null);
            }
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
        return entries;
    }

    /**
     * Whether escalation added the action as the incident was recorded (the DSL's later additions
     * carry a reason too, but are their own events).
     */
    private static boolean byEscalation(Incident i, IncidentAction a) {
        return i.escalated() && a.addedReason() != null
                && (a.createdAt() == null || !a.createdAt().isAfter(i.recordedAt().plus(SAME_RECORDING)));
    }

    private static String count(List<IncidentAction> actions) {
        return actions.size() + (actions.size() == 1 ? " action" : " actions");
    }

    private static String texts(List<IncidentAction> actions) {
        return actions.stream().map(IncidentAction::columnText).collect(Collectors.joining(", "));
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
