package org.lantern.server.incidents;

import org.lantern.server.http.SchoolTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.AccountService.AccountSummary;
import org.lantern.server.identity.Permission;
import org.lantern.server.people.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works incidents as cases: status (closing needs an outcome and nothing left open, reopening a
 * reason), priority, a named owner, a review date, a named owner for each action and, once, the
 * concern a pupil's report is ({@link #chooseCategory}). Only the
 * DSL's team and the case's owner may change a case, and only while they may read its record.
 * Every change is a {@code case_event} row with its words, for the record's history, and an
 * audit-chain entry in the same transaction with the words by SHA-256; a refused change is
 * audited too.
 */
@Service
public class CaseService {

    static final int MAX_REASON = IncidentService.MAX_REASON;
    /**
     * Why the steps of a pupil's report's chosen concern were added: they show with the record's
     * actions, and the history shows the choice as one event rather than a line per step.
     */
    static final String CATEGORY_STEP_REASON = "a step of the concern chosen for this pupil's report";
    private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);

    private final JdbcClient jdbc;
    private final IncidentService incidents;
    private final AccountService accounts;
    private final AuditChain audit;
    private final IncidentCategories categories;
    private final IncidentActions actions;
    private final MonitoringHalt monitoringHalt;

    CaseService(JdbcClient jdbc, IncidentService incidents, AccountService accounts, AuditChain audit,
                IncidentCategories categories, IncidentActions actions, MonitoringHalt monitoringHalt) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.accounts = accounts;
        this.audit = audit;
        this.categories = categories;
        this.actions = actions;
        this.monitoringHalt = monitoringHalt;
    }

    /** The case of an incident the caller has already read (this does not log a look). */
    public Case of(Incident incident) {
        Map<Long, Case.Owner> actionOwners = new HashMap<>();
        jdbc.sql("SELECT a.id AS action_id, o.id, o.username, o.display_name FROM incident_action a "
                        + "JOIN account o ON o.id = a.owner_account WHERE a.incident_id = :id")
                .param("id", incident.id())
                .query((rs, n) -> actionOwners.put(rs.getLong("action_id"), new Case.Owner(rs.getLong("id"),
                        rs.getString("username"), rs.getString("display_name"))))
                .list();
        return jdbc.sql("SELECT i.case_status, i.case_outcome, i.case_priority, i.case_review_on, o.id AS owner_id, "
                        + "o.username, o.display_name FROM incident i LEFT JOIN account o ON o.id = i.case_owner_account "
                        + "WHERE i.id = :id")
                .param("id", incident.id())
                .query((rs, n) -> {
                    String chosen = rs.getString("case_priority");
                    Long ownerId = rs.getObject("owner_id", Long.class);
                    return new Case(incident.id(), CaseStatus.valueOf(rs.getString("case_status")),
                            rs.getString("case_outcome"),
                            chosen == null ? CasePriority.defaultFor(incident) : CasePriority.valueOf(chosen),
                            chosen != null,
                            ownerId == null ? null : new Case.Owner(ownerId, rs.getString("username"), rs.getString("display_name")),
                            rs.getObject("case_review_on", LocalDate.class), actionOwners);
                })
                .single();
    }

    /** The case's changes, oldest first. */
    public List<CaseEvent> events(long incidentId) {
        return jdbc.sql("SELECT * FROM case_event WHERE incident_id = :id ORDER BY occurred_at, id").param("id", incidentId)
                .query((rs, n) -> new CaseEvent(rs.getObject("occurred_at", OffsetDateTime.class)
                        .atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime(), rs.getString("actor"),
                        CaseEvent.Kind.valueOf(rs.getString("kind")), rs.getObject("action_id", Long.class),
                        rs.getString("from_value"), rs.getString("to_value"), rs.getString("note")))
                .list();
    }

    /**
     * Who may own this case or its actions: enabled accounts that may read the record, so naming
     * an owner never shows a record to someone its confidentiality keeps it from (a
     * child-protection case is owned within the DSL's team).
     */
    public List<Case.Owner> eligibleOwners(Incident incident) {
        return accounts.list().stream().filter(AccountSummary::enabled).filter(a -> reader(a).mayRead(incident))
                .map(a -> new Case.Owner(a.id(), a.username(), a.displayName())).toList();
    }

    /** Whether this user may change this case (for showing the controls; every change checks again). */
    public boolean mayChange(Incident incident, Case kase, CaseActor actor) {
        return actor.mayChange(incident, kase.owner());
    }

    /**
     * Moves the case to another status. Closing needs the outcome and no action or investigation
     * left open; reopening a closed case needs the reason; between open and monitoring a note is
     * optional.
     *
     * @throws IncidentRejectedException naming every problem; nothing is changed
     */
    @Transactional(noRollbackFor = CaseChangeRefusedException.class)
    public Case changeStatus(long incidentId, CaseStatus to, String note, CaseActor actor) {
        Change change = begin(incidentId, actor, "status");
        CaseStatus from = change.kase().status();
        List<String> problems = new ArrayList<>();
        if (to == null) {
            problems.add("Choose open, monitoring or closed.");
        } else if (to == from) {
            problems.add("The case is already " + from.label().toLowerCase(Locale.ROOT) + ".");
        } else if (to == CaseStatus.CLOSED) {
            IncidentService.requireText(problems, "The outcome", note, IncidentService.MAX_OUTCOME, true);
            if (change.incident().openActions() > 0) {
                problems.add("Complete, waive or decide its " + change.incident().openActions()
                        + " open action(s) before closing the case.");
            }
            if (change.incident().investigation() != null && !change.incident().investigation().closed()) {
                problems.add("Close the illegal-material investigation before closing the case.");
            }
        } else {
            IncidentService.requireText(problems, "The reason to reopen it", note, MAX_REASON, from == CaseStatus.CLOSED);
        }
        reject(problems);
        String text = IncidentService.blankToNull(note);
        jdbc.sql("UPDATE incident SET case_status = :to, case_outcome = :outcome WHERE id = :id")
                .param("to", to.name()).param("outcome", to == CaseStatus.CLOSED ? text : null).param("id", incidentId)
                .update();
        return changed(change, CaseEvent.Kind.STATUS, null, from.label(), to.label(), text, Map.of(
                "from", from.name(), "to", to.name(), "noteSha256", Objects.requireNonNullElse(IncidentService.sha256(text), "")));
    }

    /** Sets the case's priority. */
    @Transactional(noRollbackFor = CaseChangeRefusedException.class)
    public Case changePriority(long incidentId, CasePriority to, CaseActor actor) {
        Change change = begin(incidentId, actor, "priority");
        CasePriority from = change.kase().priority();
        if (to == null) {
            reject(List.of("Choose low, medium, high or urgent."));
        }
        if (to == from && change.kase().priorityChosen()) {
            reject(List.of("The priority is already " + from.label().toLowerCase(Locale.ROOT) + "."));
        }
        jdbc.sql("UPDATE incident SET case_priority = :to WHERE id = :id").param("to", to.name()).param("id", incidentId)
                .update();
        return changed(change, CaseEvent.Kind.PRIORITY, null, from.label(), to.label(), null,
                Map.of("from", from.name(), "to", to.name()));
    }

    /** Names the case's owner, or nobody ({@code accountId} null). */
    @Transactional(noRollbackFor = CaseChangeRefusedException.class)
    public Case changeOwner(long incidentId, Long accountId, CaseActor actor) {
        Change change = begin(incidentId, actor, "owner");
        Case.Owner from = change.kase().owner();
        Case.Owner to = owner(change.incident(), accountId);
        if (Objects.equals(from, to)) {
            reject(List.of(to == null ? "The case has no owner already." : to.displayName() + " owns the case already."));
        }
        jdbc.sql("UPDATE incident SET case_owner_account = :to WHERE id = :id")
                .param("to", to == null ? null : to.accountId()).param("id", incidentId).update();
        return changed(change, CaseEvent.Kind.OWNER, null, username(from), username(to), null,
                accountIds(from, to));
    }

    /** Sets the day to look at the case again, or none ({@code reviewOn} null); not a past day. */
    @Transactional(noRollbackFor = CaseChangeRefusedException.class)
    public Case changeReview(long incidentId, LocalDate reviewOn, CaseActor actor) {
        Change change = begin(incidentId, actor, "review date");
        LocalDate from = change.kase().reviewOn();
        if (reviewOn != null && reviewOn.isBefore(People.today())) {
            reject(List.of("The review date cannot be in the past."));
        }
        if (Objects.equals(from, reviewOn)) {
            reject(List.of("The review date is already " + (from == null ? "unset" : from) + "."));
        }
        jdbc.sql("UPDATE incident SET case_review_on = :to WHERE id = :id").param("to", reviewOn).param("id", incidentId)
                .update();
        Map<String, Object> detail = new HashMap<>();
        detail.put("from", from == null ? null : from.toString());
        detail.put("to", reviewOn == null ? null : reviewOn.toString());
        return changed(change, CaseEvent.Kind.REVIEW, null, from == null ? null : from.toString(),
                reviewOn == null ? null : reviewOn.toString(), null, detail);
    }

    /** Names the person who does an open action, or nobody ({@code accountId} null: the DSL's team). */
    @Transactional(noRollbackFor = CaseChangeRefusedException.class)
    public Case changeActionOwner(long incidentId, long actionId, Long accountId, CaseActor actor) {
        Change change = begin(incidentId, actor, "action owner");
        IncidentAction action = change.incident().actions().stream().filter(a -> a.id() == actionId).findFirst()
                .orElseThrow(() -> new IncidentNotFoundException(incidentId));
        if (action.status() != ActionStatus.OPEN) {
            reject(List.of("\"" + action.columnText() + "\" is " + action.status().label().toLowerCase(Locale.ROOT)
                    + ": only an open action's owner can change."));
        }
        Case.Owner from = change.kase().actionOwner(actionId);
        Case.Owner to = owner(change.incident(), accountId);
        if (Objects.equals(from, to)) {
            reject(List.of("\"" + action.columnText() + "\" has that owner already."));
        }
        jdbc.sql("UPDATE incident_action SET owner_account = :to WHERE id = :action")
                .param("to", to == null ? null : to.accountId()).param("action", actionId).update();
        Map<String, Object> detail = accountIds(from, to);
        detail.put("actionId", actionId);
        return changed(change, CaseEvent.Kind.ACTION_OWNER, actionId, username(from), username(to), action.columnText(),
                detail);
    }

    /**
     * Gives a pupil's report the concern of the school's safeguarding list that the DSL judges it to
     * be, once: the record takes the concern's id and text (its source still says a pupil reported
     * it), and the concern's steps become tracked actions as if it had been recorded with it, for
     * the record and for each child at risk, bar a step of the record it already has (every report
     * comes with "Refer to DSL"). A concern the list marks as illegal material puts the record on
     * that path. The case history and the audit chain hold it as one change. Only those who may
     * change the case and read child-protection records may choose it.
     *
     * @throws IncidentRejectedException  for a blank choice, one not on the list, a record that is
     *                                    not a pupil's report or one whose category is already set
     * @throws CaseChangeRefusedException for someone who may read the record but not do this
     */
    @Transactional(noRollbackFor = CaseChangeRefusedException.class)
    public Incident chooseCategory(long incidentId, String categoryId, CaseActor actor) {
        Change change = begin(incidentId, actor, "category", true);
        Incident incident = change.incident();
        if (incident.source() != IncidentSource.PUPIL_REPORT) {
            reject(List.of("Only a pupil's report has its concern chosen here; a record made by staff keeps the "
                    + "concern it was recorded with."));
        }
        if (!ConcernReports.CATEGORY_ID.equals(incident.categoryId())) {
            reject(List.of("This report's concern is already \"" + incident.categoryText() + "\": it is chosen once. "
                    + "Add any further step as an action."));
        }
        String wanted = IncidentService.blankToNull(categoryId);
        if (wanted == null) {
            reject(List.of("Choose a concern from the school's safeguarding list."));
        }
        IncidentCategory chosen = categories.find(IncidentType.CONCERN, SubjectType.PUPIL, wanted.strip())
                .orElseThrow(() -> new IncidentRejectedException(List.of("\"" + wanted.strip()
                        + "\" is not on the school's safeguarding list: choose a concern from it.")));
        jdbc.sql("UPDATE incident SET category_id = :id, category_text = :text WHERE id = :incident")
                .param("id", chosen.id()).param("text", chosen.text()).param("incident", incidentId).update();
        List<String> has = incident.actionsFor(null).stream().map(IncidentAction::columnId).toList();
        IncidentCategory missing = new IncidentCategory(chosen.type(), chosen.subject(), chosen.id(), chosen.text(),
                chosen.group(), chosen.guidance(), chosen.illegalMaterial(), chosen.actions().stream()
                .filter(s -> s.appliesTo() != null || !has.contains(s.id())).toList());
        Map<PersonRole, List<Long>> atRisk = Map.of(PersonRole.AT_RISK,
                incident.people(PersonRole.AT_RISK).stream().map(Incident.Subject::personId).toList());
        List<String> added = actions.bring(incidentId, missing, atRisk, CATEGORY_STEP_REASON);
        boolean illegal = chosen.concernsIllegalMaterial() && !incident.illegalPath();
        if (illegal) {
            // As recording a concern of illegal material does: a child-protection record, monitoring halted.
            jdbc.sql("UPDATE incident SET illegal_path = TRUE, record_kind = 'CHILD_PROTECTION' WHERE id = :id")
                    .param("id", incidentId).update();
        }
        int count = incident.people(PersonRole.AT_RISK).size();
        List<IncidentAction> brought = incidents.load(incidentId).orElseThrow().actions().stream()
                .filter(a -> a.status() == ActionStatus.OPEN && CATEGORY_STEP_REASON.equals(a.addedReason())).toList();
        String note = brought.isEmpty() ? "No steps added." : brought.size() + (brought.size() == 1 ? " action" : " actions")
                + " added from the safeguarding list: " + String.join(", ", brought.stream().map(IncidentAction::columnText)
                .distinct().toList()) + (count == 0 ? " (no child at risk is named, so no step for each child)." : ".");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", incident.categoryId());
        detail.put("to", chosen.id());
        detail.put("actions", added);
        detail.put("illegalPath", illegal);
        changed(change, CaseEvent.Kind.CATEGORY, null, clip(incident.categoryText()), clip(chosen.text()), note, detail);
        if (illegal) {
            monitoringHalt.halt(incidentId, OffsetDateTime.now(ZoneOffset.UTC), actor.username());
        }
        return incidents.load(incidentId).orElseThrow();
    }

    /** A change under way: the incident, locked against other changes, and its case as it was. */
    private record Change(Incident incident, Case kase, String actor) {
    }

    private Change begin(long incidentId, CaseActor actor, String what) {
        return begin(incidentId, actor, what, false);
    }

    /** Locks and loads the record; {@code childProtection}: the change needs CHILD_PROTECTION_READ too. */
    private Change begin(long incidentId, CaseActor actor, String what, boolean childProtection) {
        jdbc.sql("SELECT id FROM incident WHERE id = :id FOR UPDATE").param("id", incidentId).query(Long.class).optional()
                .orElseThrow(() -> new IncidentNotFoundException(incidentId));
        Incident incident = incidents.load(incidentId).orElseThrow(() -> new IncidentNotFoundException(incidentId));
        Case kase = of(incident);
        if (!actor.mayChange(incident, kase.owner()) || childProtection && !actor.viewer().childProtection()) {
            LOG.warn("Refused: {} tried to change the {} of case {}, which they do not own", actor.username(), what,
                    incidentId);
            audit.append(actor.username(), "incident.case.change-refused", RecordAccessLog.INCIDENT,
                    Long.toString(incidentId), IncidentService.json(Map.of("change", what)));
            throw new CaseChangeRefusedException(incidentId);
        }
        return new Change(incident, kase, actor.username());
    }

    private Case changed(Change change, CaseEvent.Kind kind, Long actionId, String from, String to, String note,
                         Map<String, Object> detail) {
        long id = change.incident().id();
        jdbc.sql("INSERT INTO case_event (incident_id, action_id, occurred_at, actor, kind, from_value, to_value, note) "
                        + "VALUES (:id, :action, :at, :actor, :kind, :from, :to, :note)")
                .param("id", id).param("action", actionId).param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("actor", change.actor()).param("kind", kind.name()).param("from", from).param("to", to)
                .param("note", note).update();
        audit.append(change.actor(), "incident.case." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                RecordAccessLog.INCIDENT, Long.toString(id), IncidentService.json(detail));
        return of(incidents.load(id).orElseThrow());
    }

    /** The eligible owner with this account id; null for none. */
    private Case.Owner owner(Incident incident, Long accountId) {
        if (accountId == null) {
            return null;
        }
        Optional<Case.Owner> owner = eligibleOwners(incident).stream().filter(o -> o.accountId() == accountId).findFirst();
        if (owner.isEmpty()) {
            reject(List.of("Account " + accountId + " cannot own this case: name an enabled account that may read the "
                    + "record" + (incident.recordKind() == RecordKind.CHILD_PROTECTION
                    ? " (a child-protection record: the DSL or a deputy DSL)." : ".")));
        }
        return owner.orElseThrow();
    }

    private static Viewer reader(AccountSummary account) {
        return new Viewer(account.id(), account.username(), account.role().can(Permission.INCIDENT_READ_ALL),
                account.role().can(Permission.CHILD_PROTECTION_READ));
    }

    /** A text as a case event's from or to value holds it (200 characters). */
    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private static String username(Case.Owner owner) {
        return owner == null ? null : owner.username();
    }

    private static Map<String, Object> accountIds(Case.Owner from, Case.Owner to) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("fromAccount", from == null ? null : from.accountId());
        detail.put("toAccount", to == null ? null : to.accountId());
        return detail;
    }

    private static void reject(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
    }
}
