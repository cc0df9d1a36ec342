package org.lantern.server.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.lantern.policy.Sanctions;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.ActionStatus;
import org.lantern.server.incidents.ConcernReports;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentAction;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.Investigations;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.AccessSuspensions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Records the demo term's incidents as staff and the DSL would have: each through
 * {@link IncidentService} (so its actions come from the school's tables, a repeat within the
 * escalation period is escalated, suspected illegal material takes the illegal path, and all of it
 * is audited), then works its actions through the same service. Completing "Removal of network /
 * internet access rights" suspends the pupil as it does in the school, and the DSL restores access
 * a few days later. {@link Backdating} then puts each step at its time in the story.
 *
 * <p>Unless a story says otherwise, an action past its due date was done (or, for a sanction out
 * of proportion, waived) before it fell due, a referral to the DSL is taken up at once, and
 * anything else not yet due is still open, as it would be in a school.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
class DemoIncidents {

    /** How long a removal of internet access lasts before the DSL restores it. */
    private static final Duration ACCESS_REMOVED_FOR = Duration.ofDays(3);
    private static final LocalTime END_OF_SCHOOL_DAY = LocalTime.of(16, 30);
    private static final Duration EARLIEST_ACTION = Duration.ofMinutes(30);
    private static final Duration REFERRAL_TAKEN_UP_WITHIN = Duration.ofHours(24);
    private static final Duration ACTION_DONE_WITHIN = Duration.ofDays(4);

    /** What the DSL's team wrote when completing each action of the tables, unless a story says otherwise. */
    private static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("record-on-cpoms", "Entered on CPOMS."),
            Map.entry(Sanctions.REFER_TO_DSL, "The DSL read the record and spoke with the pupil."),
            Map.entry("refer-to-headteacher", "Discussed with the headteacher."),
            Map.entry("refer-to-police", "Referred to the police; their reference is on the case file."),
            Map.entry("refer-to-technical-support", "The network manager checked the filter logs and the device."),
            Map.entry("inform-parents", "Parents / carers telephoned and told what happened and what the school is doing."),
            Map.entry(Sanctions.REMOVE_NETWORK_ACCESS, "Internet access removed while the pupil goes through the "
                    + "acceptable use agreement again with their parents."),
            Map.entry("targeted-support", "Two online-safety sessions with the pastoral lead."),
            Map.entry("further-sanction", "After-school detention."),
            Map.entry("refer-to-line-manager", "Discussed with the line manager."),
            Map.entry("refer-to-la-hr", "HR adviser consulted; dealt with under the school's own procedures."),
            Map.entry("refer-to-ict-lead", "The ICT lead checked the laptop and the filter logs."),
            Map.entry("warning", "Written warning given and kept on the staff file."),
            Map.entry("refer-to-childrens-social-care", "Discussed with children's social care; no referral needed, "
                    + "the school's support continues."),
            Map.entry("support-plan", "A trusted adult agreed with the pupil; weekly check-ins."));
    private static final String RESTORED = "Acceptable use agreement signed again with parents; access restored.";
    private static final String ACCESS_KEPT = "A warning was proportionate for this; the pupil keeps access for lessons.";
    private static final String STAFF_SANCTION_WAIVED = "Not proportionate: a first lapse, dealt with by a warning.";

    private final IncidentService incidents;
    private final ConcernReports concernReports;
    private final Investigations investigations;
    private final AccessSuspensions suspensions;
    private final Backdating backdating;

    DemoIncidents(IncidentService incidents, ConcernReports concernReports, Investigations investigations,
                  AccessSuspensions suspensions, Backdating backdating) {
        this.incidents = incidents;
        this.concernReports = concernReports;
        this.investigations = investigations;
        this.suspensions = suspensions;
        this.backdating = backdating;
    }

    /**
     * What became of one action.
     *
     * @param status how it ended, or OPEN if it has not
     * @param text   the outcome, the reason it was waived or the reason not to refer
     */
    record Outcome(ActionStatus status, String text) {

        static Outcome done(String outcome) {
            return new Outcome(ActionStatus.DONE, outcome);
        }

        static Outcome waived(String reason) {
            return new Outcome(ActionStatus.WAIVED, reason);
        }

        static Outcome notReferred(String reason) {
            return new Outcome(ActionStatus.NOT_REFERRED, reason);
        }

        static Outcome stillOpen() {
            return new Outcome(ActionStatus.OPEN, null);
        }
    }

    /**
     * An action the DSL added that the category's row did not tick.
     *
     * @param columnId a column of the same table
     * @param reason   why it was added
     * @param outcome  what became of it
     */
    record Added(String columnId, String reason, Outcome outcome) {
    }

    /**
     * The close of an illegal-material investigation by the DSL with the headteacher.
     *
     * @param designatedComputer the computer used throughout
     * @param outcome            what was found and what follows
     */
    record Investigated(String designatedComputer, String outcome) {
    }

    /**
     * One incident of the demo term.
     *
     * @param incident     what the recorder submitted, including when it happened
     * @param recorder     who recorded it
     * @param recordedAt   when
     * @param outcomes     what became of particular actions, by column id; the rest follow the usual course
     * @param added        actions the DSL added
     * @param investigated how the investigation closed, on the illegal path; null otherwise
     */
    record Planned(NewIncident incident, Viewer recorder, OffsetDateTime recordedAt, Map<String, Outcome> outcomes,
                   List<Added> added, Investigated investigated) {

        Planned {
            outcomes = Map.copyOf(outcomes);
            added = List.copyOf(added);
        }

        /** An incident whose actions all follow the usual course. */
        Planned(NewIncident incident, Viewer recorder, OffsetDateTime recordedAt) {
            this(incident, recorder, recordedAt, Map.of(), List.of(), null);
        }
    }

    /**
     * Records one incident and works its actions.
     *
     * @param seededAt when seeding began: what the services wrote since then is what is moved back
     */
    void record(Planned planned, DemoCast cast, DemoCalendar calendar, Random random, OffsetDateTime seededAt) {
        Incident incident = incidents.record(planned.incident(), planned.recorder());
        backdating.incidentRecorded(incident.id(), planned.recordedAt());
        for (Added added : planned.added()) {
            OffsetDateTime at = calendar.schoolTimeBetween(planned.recordedAt().plusHours(1),
                    planned.recordedAt().plusDays(2));
            Incident withAction = incidents.addAction(incident.id(), added.columnId(), added.reason(), cast.dsl().username());
            IncidentAction action = withAction.actions().getLast();
            backdating.actionCreated(action.id(), action.columnId(), at);
            close(incident.id(), withAction.misusersConcerned(action), action.id(), action.columnId(), added.outcome(), at, cast,
                    calendar, seededAt);
        }
        for (IncidentAction action : incident.actions()) {
            Outcome outcome = planned.outcomes().containsKey(action.columnId()) ? planned.outcomes().get(action.columnId())
                    : usualCourse(action.columnId(), planned.recordedAt(), calendar, random);
            close(incident.id(), incident.misusersConcerned(action), action.id(), action.columnId(), outcome,
                    planned.recordedAt(), cast, calendar, seededAt);
        }
        if (planned.investigated() != null) {
            investigations.save(incident.id(), new Investigations.Update(
                    List.of(cast.dsl().accountId(), cast.head().accountId()), planned.investigated().designatedComputer(),
                    planned.investigated().outcome(), true), cast.dsl().username());
            backdating.investigationClosed(incident.id(), calendar.schoolTimeBetween(planned.recordedAt().plusDays(1),
                    planned.recordedAt().plusDays(3)));
        }
    }

    /** Records Pip Pupil's own report of a concern, made signed in as on the pupil's page, and the DSL's answer. */
    void concernReported(DemoTerm.PupilReport report, DemoCast cast, DemoCalendar calendar, OffsetDateTime seededAt) {
        long id = concernReports.report(report.report(), new ConcernReports.Reporter(cast.demoPupilAccount(), null));
        for (Backdating.Action action : backdating.concernReported(id, report.at())) {
            close(id, List.of(), action.id(), action.columnId(), report.referral(), report.at(), cast, calendar, seededAt);
        }
    }

    /** Done (or a disproportionate sanction waived) once it is past due; a referral to the DSL at once; else open. */
    private Outcome usualCourse(String columnId, OffsetDateTime recordedAt, DemoCalendar calendar, Random random) {
        boolean pastDue = dueOn(columnId, recordedAt).isBefore(calendar.today());
        boolean urgent = Sanctions.REFER_TO_DSL.equals(columnId) && !recordedAt.plus(EARLIEST_ACTION).isAfter(calendar.now());
        if (!pastDue && !urgent) {
            return Outcome.stillOpen();
        }
        return switch (columnId) {
            case "suspension", "disciplinary-action" -> Outcome.waived(STAFF_SANCTION_WAIVED);
            case Sanctions.REMOVE_NETWORK_ACCESS -> random.nextBoolean()
                    ? Outcome.done(DONE.get(columnId)) : Outcome.waived(ACCESS_KEPT);
            default -> Outcome.done(DONE.getOrDefault(columnId, "Done."));
        };
    }

    private void close(long incidentId, List<Long> subjects, long actionId, String columnId, Outcome outcome,
                       OffsetDateTime createdAt, DemoCast cast, DemoCalendar calendar, OffsetDateTime seededAt) {
        if (outcome.status() == ActionStatus.OPEN) {
            return;
        }
        OffsetDateTime dueBy = dueOn(columnId, createdAt).atTime(END_OF_SCHOOL_DAY).atZone(SchoolTime.ZONE)
                .toOffsetDateTime();
        Duration within = Sanctions.REFER_TO_DSL.equals(columnId) ? REFERRAL_TAKEN_UP_WITHIN : ACTION_DONE_WITHIN;
        OffsetDateTime latest = createdAt.plus(within).isBefore(dueBy) ? createdAt.plus(within) : dueBy;
        OffsetDateTime at = calendar.schoolTimeBetween(createdAt.plus(EARLIEST_ACTION), latest);
        String dsl = cast.dsl().username();
        switch (outcome.status()) {
            case DONE -> incidents.complete(incidentId, actionId, outcome.text(), dsl);
            case WAIVED -> incidents.waive(incidentId, actionId, outcome.text(), dsl);
            case NOT_REFERRED -> incidents.decideNotToRefer(incidentId, actionId, outcome.text(), dsl);
            case OPEN -> throw new IllegalStateException("an open action is not closed");
        }
        backdating.actionClosed(actionId, at);
        if (outcome.status() == ActionStatus.DONE && Sanctions.REMOVE_NETWORK_ACCESS.equals(columnId)) {
            accessRemoved(subjects, at, cast, calendar, seededAt);
        }
    }

    /** The suspension completing the action started, and its end if that has come. */
    private void accessRemoved(List<Long> subjects, OffsetDateTime at, DemoCast cast, DemoCalendar calendar,
                               OffsetDateTime seededAt) {
        OffsetDateTime restoreAt = calendar.schoolTimeBetween(at.plus(ACCESS_REMOVED_FOR),
                at.plus(ACCESS_REMOVED_FOR).plusDays(2));
        for (long personId : subjects) {
            backdating.accessChanged(personId, seededAt, at);
            if (restoreAt.isBefore(calendar.now())) {
                suspensions.restore(personId, cast.dsl().username(), RESTORED);
                backdating.accessChanged(personId, seededAt, restoreAt);
            }
        }
    }

    private LocalDate dueOn(String columnId, OffsetDateTime createdAt) {
        return incidents.dueOn(columnId, createdAt.atZoneSameInstant(SchoolTime.ZONE).toLocalDate());
    }
}
