package org.lantern.server.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.registers.devices.Loan;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the bookkeeping times of seeded demo records back to when the demo's story says they
 * happened. The records themselves are made through each feature's own service, which stamps them
 * with the present: without this, a whole term of records would all be "recorded today", every
 * incident would be in this week's summary and no action could be overdue.
 *
 * <p>Only times change, never what was recorded, and every new time keeps the record consistent:
 * an action is due when the service's own rule says for the day it is now recorded on, nothing
 * closes before it was recorded, and nothing is later than the seeding. The audit chain is left
 * as it was written, dated when the demo school was loaded and closed by the loader's
 * {@code demo.records-seeded} entry, so it still verifies and does not pretend otherwise. This is
 * the demo's only SQL that writes, kept here so it can be read at once.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
class Backdating {

    private final JdbcClient jdbc;
    private final IncidentService incidents;

    Backdating(JdbcClient jdbc, IncidentService incidents) {
        this.jdbc = jdbc;
        this.incidents = incidents;
    }

    /**
     * An incident recorded at {@code recordedAt}: its actions created then and due by the school's
     * rule from that day, and on the illegal path monitoring halted then.
     */
    void incidentRecorded(long incidentId, OffsetDateTime recordedAt) {
        set("incident", "recorded_at", "id", incidentId, recordedAt);
        set("incident_investigation", "monitoring_halted_at", "incident_id", incidentId, recordedAt);
        for (Action action : actions(incidentId)) {
            actionCreated(action.id(), action.columnId(), recordedAt);
        }
    }

    /**
     * A pupil's report made at {@code at}: it happened, as far as the record knows, when it was
     * reported.
     *
     * @return its actions, for the DSL to work
     */
    List<Action> concernReported(long incidentId, OffsetDateTime at) {
        set("incident", "occurred_at", "id", incidentId, at);
        incidentRecorded(incidentId, at);
        return actions(incidentId);
    }

    /** An action created (or added by the DSL) at {@code at}, due by the school's rule from that day. */
    void actionCreated(long actionId, String columnId, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(SchoolTime.ZONE).toLocalDate();
        jdbc.sql("UPDATE incident_action SET created_at = :at, due_on = :due WHERE id = :id")
                .param("at", utc(at)).param("due", incidents.dueOn(columnId, day)).param("id", actionId).update();
    }

    /** An action completed, waived or not referred at {@code at}. */
    void actionClosed(long actionId, OffsetDateTime at) {
        set("incident_action", "closed_at", "id", actionId, at);
    }

    /** The changes made since {@code since} to an incident's case (owner, status, priorities...) happened at {@code at}. */
    void caseWorked(long incidentId, OffsetDateTime since, OffsetDateTime at) {
        jdbc.sql("UPDATE case_event SET occurred_at = :at WHERE incident_id = :id AND occurred_at >= :since")
                .param("at", utc(at)).param("id", incidentId).param("since", utc(since)).update();
    }

    /** An illegal-material investigation closed at {@code at}. */
    void investigationClosed(long incidentId, OffsetDateTime at) {
        set("incident_investigation", "closed_at", "incident_id", incidentId, at);
    }

    /**
     * The changes to a person's internet access made since {@code since} (a suspension, its
     * restoring, and their entries in the access register) happened at {@code at}.
     */
    void accessChanged(long personId, OffsetDateTime since, OffsetDateTime at) {
        setSince("access_suspension", "suspended_at", personId, since, at);
        setSince("access_suspension", "restored_at", personId, since, at);
        setSince("internet_access_event", "occurred_at", personId, since, at);
    }

    /** An alert's notes written at {@code at}. */
    void alertNoted(long alertId, OffsetDateTime at) {
        set("alert_note", "written_at", "alert_id", alertId, at);
    }

    /** An alert closed at {@code at}. */
    void alertClosed(long alertId, OffsetDateTime at) {
        set("filter_alert", "closed_at", "id", alertId, at);
    }

    /** A breach entered in the register at {@code at}. */
    void breachRecorded(long breachId, OffsetDateTime at) {
        set("data_breach", "recorded_at", "id", breachId, at);
    }

    /** The decision whether to report a breach to the ICO made at {@code at}. */
    void breachDecided(long breachId, OffsetDateTime at) {
        set("data_breach", "decided_at", "id", breachId, at);
    }

    /** A subject access request entered in the log at {@code at}. */
    void subjectAccessRecorded(long requestId, OffsetDateTime at) {
        set("subject_access_request", "recorded_at", "id", requestId, at);
    }

    /** A version of an acceptable-use agreement published at {@code at}. */
    void agreementPublished(long versionId, OffsetDateTime at) {
        set("agreement_version", "created_at", "id", versionId, at);
    }

    /** An agreement accepted online at {@code at}: recorded then, on that day. */
    void agreementAcceptedOnline(long acceptanceId, OffsetDateTime at) {
        set("agreement_acceptance", "recorded_at", "id", acceptanceId, at);
        jdbc.sql("UPDATE agreement_acceptance SET signed_on = :day WHERE id = :id")
                .param("day", at.atZoneSameInstant(SchoolTime.ZONE).toLocalDate())
                .param("id", acceptanceId).update();
    }

    /** A paper form recorded at {@code at}. */
    void agreementRecorded(long acceptanceId, OffsetDateTime at) {
        set("agreement_acceptance", "recorded_at", "id", acceptanceId, at);
    }

    /**
     * An annual filtering and monitoring review started at {@code started}, and signed at the times
     * given (null: not signed).
     */
    void reviewDated(long reviewId, OffsetDateTime started, OffsetDateTime leaderSigned, OffsetDateTime governorSigned) {
        set("filtering_review", "created_at", "id", reviewId, started);
        if (leaderSigned != null) {
            set("filtering_review", "leader_signed_at", "id", reviewId, leaderSigned);
        }
        if (governorSigned != null) {
            set("filtering_review", "governor_signed_at", "id", reviewId, governorSigned);
        }
    }

    /** A device asked back at {@code at}: its 72 hours run from then. */
    void loanReturnRequested(long loanId, OffsetDateTime at) {
        set("device_loan", "return_requested_at", "id", loanId, at);
        set("device_loan", "return_due_at", "id", loanId, at.plus(Loan.RETURN_WITHIN));
    }

    /** Sets one time of the rows whose {@code key} is {@code id}; every name comes from this class, never from input. */
    private void set(String table, String column, String key, long id, OffsetDateTime at) {
        jdbc.sql("UPDATE " + table + " SET " + column + " = :at WHERE " + key + " = :id")
                .param("at", utc(at)).param("id", id).update();
    }

    /** Moves to {@code at} one time of a person's rows that was stamped at or after {@code since}. */
    private void setSince(String table, String column, long personId, OffsetDateTime since, OffsetDateTime at) {
        jdbc.sql("UPDATE " + table + " SET " + column + " = :at WHERE person_id = :person AND " + column + " >= :since")
                .param("at", utc(at)).param("person", personId).param("since", utc(since)).update();
    }

    /**
     * An action of a seeded incident.
     *
     * @param id       the action's id
     * @param columnId its column of the school's table
     */
    record Action(long id, String columnId) {
    }

    private List<Action> actions(long incidentId) {
        return jdbc.sql("SELECT id, column_id FROM incident_action WHERE incident_id = :id ORDER BY id")
                .param("id", incidentId).query((rs, n) -> new Action(rs.getLong("id"), rs.getString("column_id")))
                .list();
    }

    private static OffsetDateTime utc(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
