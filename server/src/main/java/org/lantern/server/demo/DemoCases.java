package org.lantern.server.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.lantern.server.incidents.ActionStatus;
import org.lantern.server.incidents.CaseActor;
import org.lantern.server.incidents.CasePriority;
import org.lantern.server.incidents.CaseService;
import org.lantern.server.incidents.CaseStatus;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentAction;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Works the demo term's records as cases, as the DSL would have by now, through
 * {@link CaseService}: the DSL opened each record and named an owner (herself, or the headteacher
 * for some behaviour records); a record with nothing left to do is closed with its outcome, or, for
 * a recent child-protection record, monitored with a review date; a record with actions still to do
 * stays open, its actions owned by the case's owner, a continued infringement at high priority.
 * The newest record is left as it arrived, so the DSL's Today list shows a record nobody has
 * opened and a case that needs an owner.
 *
 * <p>Nothing here draws on the story's random numbers, so the rest of the story is the same with
 * or without it; {@link Backdating} puts each case's changes at a time after its last action.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
class DemoCases {

    private static final int MONITORED_FOR_DAYS = 30;
    private static final int REVIEW_IN_DAYS = 7;
    private static final String CLOSED_BEHAVIOUR = "Actions completed and no further incidents: closed.";
    private static final String CLOSED_CHILD_PROTECTION = "Support given and no further concern after review: closed.";
    private static final String MONITORING = "Support in place; the DSL checks in with the pupil weekly.";

    private final IncidentService incidents;
    private final CaseService cases;
    private final Backdating backdating;

    DemoCases(IncidentService incidents, CaseService cases, Backdating backdating) {
        this.incidents = incidents;
        this.cases = cases;
        this.backdating = backdating;
    }

    /**
     * Works every seeded record's case.
     *
     * @param seededAt when seeding began: the case changes made since are moved back
     */
    void seed(DemoCast cast, DemoCalendar calendar, OffsetDateTime seededAt) {
        Viewer dsl = cast.dsl();
        CaseActor asDsl = new CaseActor(dsl, true);
        List<Incident> all = Stream.concat(incidents.list(dsl).stream(), incidents.listChildProtection(dsl).stream())
                .sorted(Comparator.comparing(Incident::recordedAt).thenComparing(Incident::id)).toList();
        for (Incident i : all.subList(0, Math.max(0, all.size() - 1))) {
            incidents.read(i.id(), dsl, Channel.PAGE);
            boolean byHead = i.recordKind() == RecordKind.BEHAVIOUR && i.id() % 3 == 0;
            long owner = byHead ? cast.head().accountId() : dsl.accountId();
            cases.changeOwner(i.id(), owner, asDsl);
            boolean finished = i.openActions() == 0 && (i.investigation() == null || i.investigation().closed());
            if (finished && i.recordKind() == RecordKind.CHILD_PROTECTION
                    && i.recordedAt().isAfter(calendar.now().minusDays(MONITORED_FOR_DAYS))) {
                cases.changeStatus(i.id(), CaseStatus.MONITORING, MONITORING, asDsl);
                // The case service refuses a past review date by the real clock; a demo seeded as if on an
                // earlier day (its tests do) still reviews on a day to come.
                LocalDate from = calendar.today().isBefore(People.today()) ? People.today() : calendar.today();
                cases.changeReview(i.id(), from.plusDays(REVIEW_IN_DAYS), asDsl);
            } else if (finished) {
                cases.changeStatus(i.id(), CaseStatus.CLOSED,
                        i.recordKind() == RecordKind.CHILD_PROTECTION ? CLOSED_CHILD_PROTECTION : CLOSED_BEHAVIOUR, asDsl);
            } else {
                for (IncidentAction a : i.actions()) {
                    if (a.status() == ActionStatus.OPEN) {
                        cases.changeActionOwner(i.id(), a.id(), owner, asDsl);
                    }
                }
                if (i.escalated()) {
                    cases.changePriority(i.id(), CasePriority.HIGH, asDsl);
                }
            }
            backdating.caseWorked(i.id(), seededAt, calendar.notAfterNow(lastEvent(i).plusHours(2)));
        }
    }

    /** When the record's own last event happened: recorded, an action closed or the investigation closed. */
    private static OffsetDateTime lastEvent(Incident i) {
        List<OffsetDateTime> times = new ArrayList<>();
        times.add(i.recordedAt());
        i.actions().stream().map(IncidentAction::closedAt).filter(Objects::nonNull).forEach(times::add);
        if (i.investigation() != null && i.investigation().closedAt() != null) {
            times.add(i.investigation().closedAt());
        }
        return times.stream().max(Comparator.naturalOrder()).orElseThrow();
    }
}
