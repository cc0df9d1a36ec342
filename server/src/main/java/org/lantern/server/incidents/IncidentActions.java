package org.lantern.server.incidents;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.identity.Role;
import org.lantern.server.people.IncidentActionCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.lantern.server.incidents.IncidentService.json;
import static org.lantern.server.incidents.IncidentService.requireText;
import static org.lantern.server.incidents.IncidentService.sha256;

/**
 * A record's tracked actions: creating them for the people they concern, when they fall due, and
 * the DSL's team completing, waiving, deciding not to refer or adding one. A sanction only ever
 * concerns a misuser: completing one acts (a removal of internet access suspends) on the misusers
 * it names, never on a child at risk. Every change is appended to the audit chain.
 */
@Component
class IncidentActions {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentActions.class);

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final IncidentCategories categories;
    private final AuditChain audit;
    private final IncidentProperties due;
    private final IncidentRules rules;
    private final ApplicationEventPublisher events;

    IncidentActions(JdbcClient jdbc, IncidentStore store, IncidentCategories categories, AuditChain audit,
                    IncidentProperties due, IncidentRules rules, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.categories = categories;
        this.audit = audit;
        this.due = due;
        this.rules = rules;
        this.events = events;
    }

    /**
     * Creates the actions a category brings: a step of the record once, a step for each child at
     * risk once for each of them, a sanction once for each misuser.
     *
     * @return the ids of the columns or steps created, once each
     */
    List<String> bring(long incidentId, IncidentCategory category, Map<PersonRole, List<Long>> people, String reason) {
        List<String> created = new ArrayList<>();
        for (IncidentCategory.Step step : category.actions()) {
            List<Long> concerned = step.appliesTo() == null ? null : people.getOrDefault(step.appliesTo(), List.of());
            if (concerned == null) {
                insert(incidentId, step.id(), step.text(), null, reason);
            } else {
                concerned.forEach(person -> insert(incidentId, step.id(), step.text(), person, reason));
            }
            if (concerned == null || !concerned.isEmpty()) {
                created.add(step.id());
            }
        }
        return created;
    }

    long insert(long incidentId, String columnId, String columnText, Long personId, String addedReason) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incident_action (incident_id, column_id, column_text, owner_role, due_on, status, "
                        + "added_reason, created_at, person_id) "
                        + "VALUES (:id, :column, :text, :owner, :due, 'OPEN', :reason, :now, :person)")
                .param("id", incidentId).param("column", columnId).param("text", columnText)
                .param("owner", Role.DSL.name()).param("due", dueOn(columnId, org.lantern.server.people.People.today()))
                .param("reason", addedReason).param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("person", personId)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** When an action recorded on {@code today} is due: configured school days (Mon–Fri), else calendar days. */
    LocalDate dueOn(String columnId, LocalDate today) {
        Integer schoolDays = due.schoolDays().get(columnId);
        if (schoolDays == null) {
            return today.plusDays(due.defaultDays());
        }
        LocalDate day = today;
        for (int left = schoolDays; left > 0; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }

    @Transactional(noRollbackFor = ActionClosedException.class)
    Incident complete(long incidentId, long actionId, String outcome, String actor) {
        Incident done = close(incidentId, actionId, ActionStatus.DONE, "The outcome", outcome, IncidentService.MAX_OUTCOME,
                actor);
        // Other features act on what completing an action means (e.g. removal of internet access), in this transaction.
        done.actions().stream().filter(a -> a.id() == actionId).findFirst().ifPresent(a -> events.publishEvent(
                new IncidentActionCompleted(incidentId, a.columnId(), done.misusersConcerned(a), actor)));
        return done;
    }

    @Transactional(noRollbackFor = ActionClosedException.class)
    Incident waive(long incidentId, long actionId, String reason, String actor) {
        return close(incidentId, actionId, ActionStatus.WAIVED, "The reason", reason, IncidentService.MAX_REASON, actor);
    }

    @Transactional(noRollbackFor = ActionClosedException.class)
    Incident decideNotToRefer(long incidentId, long actionId, String reason, String actor) {
        Incident incident = store.load(incidentId).orElseThrow(() -> new IncidentNotFoundException(incidentId));
        IncidentAction action = incident.actions().stream().filter(a -> a.id() == actionId).findFirst()
                .orElseThrow(() -> new IncidentNotFoundException(incidentId));
        if (!rules.isReferral(action.columnId())) {
            throw new IncidentRejectedException(List.of("\"" + action.columnText()
                    + "\" is not a referral: complete or waive it instead."));
        }
        return close(incidentId, actionId, ActionStatus.NOT_REFERRED, "The reason not to refer", reason,
                IncidentService.MAX_OUTCOME, actor);
    }

    /**
     * Adds an action the category did not bring: a column of the record's table, for a misuser or
     * (a record from before actions named people) the record; or, on a concern, a step of the
     * safeguarding list, for the record or a child at risk.
     */
    @Transactional
    Incident add(long incidentId, String columnId, Long personId, String reason, String actor) {
        Incident incident = store.load(incidentId).orElseThrow(() -> new IncidentNotFoundException(incidentId));
        List<String> problems = new ArrayList<>();
        Optional<Incident.Subject> person = personId == null ? Optional.empty()
                : incident.subjects().stream().filter(s -> s.personId() == personId).findFirst();
        boolean forMisuser = person.map(p -> p.is(PersonRole.MISUSER)).orElse(false);
        Optional<IncidentCategory.Step> column = categories.columns(incident.subjectType()).stream()
                .filter(c -> c.id().equals(columnId)).findFirst()
                .map(c -> new IncidentCategory.Step(c.id(), c.text(), PersonRole.MISUSER));
        Optional<IncidentCategory.Step> step = incident.type() == IncidentType.CONCERN && !forMisuser
                ? categories.concernSteps().stream().filter(s -> s.id().equals(columnId)).findFirst() : Optional.empty();
        Optional<IncidentCategory.Step> chosen = step.or(() -> column);
        if (chosen.isEmpty()) {
            problems.add("Choose an action from the school's " + incident.subjectType().label().toLowerCase(java.util.Locale.ROOT)
                    + " Actions / Sanctions table" + (incident.type() == IncidentType.CONCERN ? " or the safeguarding list." : "."));
        }
        if (personId != null && person.isEmpty()) {
            problems.add("Person " + personId + " is not on this record.");
        } else if (chosen.isPresent() && person.isPresent() && !person.get().is(chosen.get().appliesTo() == null
                ? PersonRole.AT_RISK : chosen.get().appliesTo())) {
            problems.add(chosen.get().appliesTo() == PersonRole.MISUSER
                    ? "A sanction applies only to a misuser, never to a child at risk or a witness."
                    : "A safeguarding step is for a child at risk on the record.");
        } else if (chosen.isPresent() && person.isEmpty() && chosen.get().appliesTo() == PersonRole.MISUSER
                && incident.misuserIds().isEmpty()) {
            problems.add("A sanction applies only to a misuser, and this record has none.");
        }
        requireText(problems, "The reason", reason, IncidentService.MAX_REASON, true);
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        IncidentCategory.Step added = chosen.orElseThrow();
        long actionId = insert(incidentId, added.id(), added.text(), personId, reason.strip());
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("actionId", actionId);
        detail.put("columnId", columnId);
        if (personId != null) {
            detail.put("personId", personId);
        }
        detail.put("reason", reason.strip());
        audit.append(actor, "incident.action.added", RecordAccessLog.INCIDENT, Long.toString(incidentId), json(detail));
        return store.load(incidentId).orElseThrow();
    }

    private Incident close(long incidentId, long actionId, ActionStatus to, String what, String text, int max,
                           String actor) {
        ActionStatus status = jdbc.sql("SELECT status FROM incident_action WHERE id = :action AND incident_id = :id FOR UPDATE")
                .param("action", actionId).param("id", incidentId)
                .query((rs, n) -> ActionStatus.valueOf(rs.getString("status"))).optional()
                .orElseThrow(() -> new IncidentNotFoundException(incidentId));
        List<String> problems = new ArrayList<>();
        requireText(problems, what, text, max, true);
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        if (status != ActionStatus.OPEN) {
            LOG.warn("Refused: {} tried to {} action {} of incident {}, which is already {}", actor, to.verb(), actionId,
                    incidentId, status);
            audit.append(actor, "incident.action." + to.verb() + "-refused", RecordAccessLog.INCIDENT,
                    Long.toString(incidentId), json(Map.of("actionId", actionId, "status", status.name())));
            throw new ActionClosedException(actionId, status);
        }
        jdbc.sql("UPDATE incident_action SET status = :status, outcome = :outcome, closed_by = :actor, closed_at = :now "
                        + "WHERE id = :action AND status = 'OPEN'")
                .param("status", to.name()).param("outcome", text.strip()).param("actor", actor)
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("action", actionId).update();
        audit.append(actor, to.auditAction(), RecordAccessLog.INCIDENT, Long.toString(incidentId),
                json(Map.of("actionId", actionId, "textSha256", sha256(text.strip()))));
        return store.load(incidentId).orElseThrow();
    }
}
