package org.lantern.server.alerts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lantern.monitor.model.RiskModel;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.identity.AccountService.AccountSummary;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DSL's team working the alert queue: an alert goes from new to in review to closed, closed
 * with an {@link AlertOutcome} (escalated ones linked to their incident); a member of the team may
 * be assigned; notes are appended ({@link AlertNotes}). Each change is one conditional
 * {@code UPDATE}, so of two people acting at once the second is told what happened rather than
 * overwriting it, and each is an entry of the audit chain in the same transaction.
 */
@Service
public class AlertTriage {

    private final JdbcClient jdbc;
    private final AlertRegister register;
    private final AlertNotes notes;
    private final AlertTeam team;
    private final IncidentService incidents;
    private final AuditChain audit;
    private final Optional<FalsePositiveExclusions> exclusions;

    AlertTriage(JdbcClient jdbc, AlertRegister register, AlertNotes notes, AlertTeam team, IncidentService incidents,
                AuditChain audit, Optional<FalsePositiveExclusions> exclusions) {
        this.exclusions = exclusions;
        this.jdbc = jdbc;
        this.register = register;
        this.notes = notes;
        this.team = team;
        this.incidents = incidents;
        this.audit = audit;
    }

    /**
     * A change of status as asked for.
     *
     * @param status     {@link AlertStatus#IN_REVIEW} or {@link AlertStatus#CLOSED}
     * @param outcome    for closing: what was decided
     * @param incidentId for closing as escalated: the incident recorded about it
     * @param note       required for closing (why), optional otherwise
     * @param exclusion  for closing a safeguarding alert as a false positive: a school exclusion
     *                   to add with it, or {@code null}
     */
    public record Change(AlertStatus status, AlertOutcome outcome, Long incidentId, String note, Exclusion exclusion) {

        /** A change without an exclusion. */
        public Change(AlertStatus status, AlertOutcome outcome, Long incidentId, String note) {
            this(status, outcome, incidentId, note, null);
        }
    }

    /**
     * A school exclusion asked for with a false positive: the alert's phrase no longer alerts in
     * this context (the words around it), for this reason.
     */
    public record Exclusion(String context, String reason) {
    }

    /** Reads a change from what was sent; may refuse it ({@link AlertRejectedException}). */
    @FunctionalInterface
    public interface ChangeRequest {
        Change read();
    }

    /**
     * Takes a new alert into review, or closes a new or in-review one with its outcome and a note
     * saying why. Closing as escalated links the incident, which the actor must be able to read.
     *
     * @throws AlertNotFoundException when there is no such alert
     * @throws AlertConflictException when the alert is already where the change would take it, or past it
     * @throws AlertRejectedException for anything else missing or wrong; nothing is changed
     */
    @Transactional
    public Alert change(long id, Change change, Viewer actor) {
        return change(id, () -> change, actor);
    }

    /**
     * As {@link #change(long, Change, Viewer)}, reading the change only once the alert is known to
     * exist: a fault in a form must never be what shows that an alert number exists.
     */
    @Transactional
    public Alert change(long id, ChangeRequest request, Viewer actor) {
        Alert alert = register.find(id).orElseThrow(() -> new AlertNotFoundException(id));
        Change change = request.read();
        if (change.status() == null || change.status() == AlertStatus.NEW) {
            throw new AlertRejectedException("Status: choose in review or closed; an alert does not go back to new.");
        }
        if (alert.status() == AlertStatus.CLOSED) {
            throw closed(alert);
        }
        return change.status() == AlertStatus.IN_REVIEW ? review(alert, change.note(), actor) : close(alert, change, actor);
    }

    private Alert review(Alert alert, String note, Viewer actor) {
        if (alert.status() == AlertStatus.IN_REVIEW) {
            throw new AlertConflictException("Alert " + alert.id() + " is already in review.");
        }
        String text = note == null || note.isBlank() ? null : AlertNotes.checked(note, "");
        int changed = jdbc.sql("UPDATE filter_alert SET status = 'IN_REVIEW' WHERE id = :id AND status = 'NEW'")
                .param("id", alert.id()).update();
        if (changed == 0) {
            throw moved(alert.id());
        }
        audit.append(actor.username(), "alert.in-review", AlertAccessLog.ALERT, Long.toString(alert.id()), "{}");
        if (text != null) {
            notes.append(alert.id(), text, actor.username());
        }
        return register.find(alert.id()).orElseThrow();
    }

    private Alert close(Alert alert, Change change, Viewer actor) {
        if (change.outcome() == null) {
            throw new AlertRejectedException("Outcome: choose no further action, false positive, already known or "
                    + "escalated to an incident.");
        }
        String note = AlertNotes.checked(change.note(), "Write a note of why it is closed this way.");
        Long incident = null;
        if (change.outcome() == AlertOutcome.ESCALATED) {
            if (change.incidentId() == null) {
                throw new AlertRejectedException("Incident: give the number of the incident recorded about this alert "
                        + "(record it first from the alert's page).");
            }
            // The look is logged either way, as every look at an incident is; a record the actor may not
            // read is answered as a missing one, so the answer never confirms it exists.
            incident = incidents.read(change.incidentId(), actor, Channel.PAGE).map(Incident::id)
                    .orElseThrow(() -> new AlertRejectedException("Incident: there is no incident "
                            + change.incidentId() + " that you can open."));
        } else if (change.incidentId() != null) {
            throw new AlertRejectedException("Incident: only an alert escalated to an incident links to one.");
        }
        if (change.exclusion() != null && (change.outcome() != AlertOutcome.FALSE_POSITIVE
                || alert.kind() != AlertKind.SAFEGUARDING_RISK || exclusions.isEmpty())) {
            throw new AlertRejectedException("Exclusion: only a safeguarding alert closed as a false positive takes "
                    + "a school exclusion.");
        }
        int changed = jdbc.sql("UPDATE filter_alert SET status = 'CLOSED', outcome = :outcome, closed_by = :by, "
                        + "closed_at = :at, incident_id = :incident WHERE id = :id AND status IN ('NEW', 'IN_REVIEW')")
                .param("outcome", change.outcome().name()).param("by", actor.username())
                .param("at", AlertRegister.utc(Instant.now())).param("incident", incident).param("id", alert.id())
                .update();
        if (changed == 0) {
            throw moved(alert.id());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", alert.status().name());
        detail.put("outcome", change.outcome().name());
        detail.put("incidentId", incident);
        if (change.exclusion() != null) {
            detail.put("exclusionLibraryVersion", exclude(alert, change.exclusion(), actor));
        }
        audit.append(actor.username(), "alert.closed", AlertAccessLog.ALERT, Long.toString(alert.id()),
                AlertRegister.json(detail));
        notes.append(alert.id(), note, actor.username());
        return register.find(alert.id()).orElseThrow();
    }

    /** Adds the exclusion to the library of the alert's category, in this transaction. */
    private int exclude(Alert alert, Exclusion exclusion, Viewer actor) {
        try {
            // a reading of the risk model has no phrase: its exclusion is of the model in that context
            String phrase = RiskModel.NAME.equals(alert.listCategory()) ? RiskModel.NAME : alert.listEntry();
            return exclusions.get().exclude(alert.categoryId(), phrase, exclusion.context(),
                    exclusion.reason(), actor.username());
        } catch (IllegalArgumentException e) {
            throw new AlertRejectedException("Exclusion: " + e.getMessage());
        }
    }

    /**
     * Assigns an open alert to a member of the DSL's team, or to nobody.
     *
     * @param accountId the member's account, or {@code null} for nobody
     * @throws AlertNotFoundException when there is no such alert
     * @throws AlertConflictException when the alert is closed
     * @throws AlertRejectedException when the account is not on the DSL's team
     */
    @Transactional
    public Alert assign(long id, Long accountId, Viewer actor) {
        Alert alert = register.find(id).orElseThrow(() -> new AlertNotFoundException(id));
        if (alert.status() == AlertStatus.CLOSED) {
            throw closed(alert);
        }
        Optional<AccountSummary> member = accountId == null ? Optional.empty() : team.member(accountId);
        if (accountId != null && member.isEmpty()) {
            throw new AlertRejectedException("Assignee: account " + accountId + " is not on the DSL's team; choose the "
                    + "DSL or a deputy.");
        }
        int changed = jdbc.sql("UPDATE filter_alert SET assignee_account = :account WHERE id = :id AND status <> 'CLOSED'")
                .param("account", accountId).param("id", id).update();
        if (changed == 0) {
            throw moved(id);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", alert.assigneeAccount());
        detail.put("to", accountId);
        audit.append(actor.username(), "alert.assigned", AlertAccessLog.ALERT, Long.toString(id),
                AlertRegister.json(detail));
        return register.find(id).orElseThrow();
    }

    /**
     * Adds a note to an alert, open or closed: something learnt after closing is added, not lost.
     *
     * @throws AlertNotFoundException when there is no such alert
     * @throws AlertRejectedException for an empty or over-long note
     */
    @Transactional
    public AlertNote note(long id, String text, Viewer actor) {
        register.find(id).orElseThrow(() -> new AlertNotFoundException(id));
        String note = AlertNotes.checked(text, "Write the note.");
        notes.append(id, note, actor.username());
        return notes.on(id).getLast();
    }

    /** The notes on an alert, oldest first, as part of a look at it that the caller logs. */
    public List<AlertNote> notes(long alertId) {
        return notes.on(alertId);
    }

    private static AlertConflictException closed(Alert alert) {
        return new AlertConflictException("Alert " + alert.id() + " was already closed by " + alert.closedBy() + " ("
                + alert.outcome().label().toLowerCase(Locale.ROOT) + "); add a note instead.");
    }

    private AlertConflictException moved(long id) {
        Alert now = register.find(id).orElseThrow(() -> new AlertNotFoundException(id));
        return now.status() == AlertStatus.CLOSED ? closed(now)
                : new AlertConflictException("Alert " + id + " changed while you were looking at it; look again.");
    }
}
