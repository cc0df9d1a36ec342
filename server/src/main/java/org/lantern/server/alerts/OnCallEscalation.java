package org.lantern.server.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.alerts.EscalationSchedule.Move;
import org.lantern.server.alerts.OnCallList.OnCallPerson;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.incidents.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a level-5 safeguarding alert raised outside school hours down the DSL's on-call list: the
 * first person is emailed and, if they have a webhook, posted to, through the durable
 * {@link DeliveryOutbox}; if no one acknowledges within the timeout the next person is told, and so
 * on to the end of the list, then round again from the top, up to
 * {@code lantern.alerts.delivery.on-call.rounds} times (3). When the last round ends unanswered
 * the DSL's team is emailed and the alert gets a note saying so ({@link OnCallMessages}).
 * Acknowledging (on the alert's page or through the API) stops it. Every step is an entry of the
 * audit chain.
 *
 * <p>Where a chain stands (person, round, deadline) is in the database, and what it owes is in the
 * outbox, written in the same transaction, so a chain carries on after a restart from where it
 * was. Moving a chain on is one conditional update on its step and round, so of two servers
 * sharing the database only one tells the next person.
 */
@Service
public class OnCallEscalation {

    /** The level that goes down the on-call list out of hours. */
    static final int LEVEL = 5;

    private static final Logger log = LoggerFactory.getLogger(OnCallEscalation.class);

    private final JdbcClient jdbc;
    private final AuditChain audit;
    private final OnCallList onCall;
    private final DeliveryOutbox deliveries;
    private final OnCallMessages messages;
    private final AlertRegister register;
    private final OutOfHours outOfHours;
    private final DeliveryProperties settings;
    private final EscalationSchedule schedule;
    private final Clock clock;
    private final TransactionTemplate transaction;

    @Autowired
    OnCallEscalation(JdbcClient jdbc, AuditChain audit, OnCallList onCall, DeliveryOutbox deliveries,
                     OnCallMessages messages, AlertRegister register, OutOfHours outOfHours, DeliveryProperties settings,
                     PlatformTransactionManager transactions) {
        this(jdbc, audit, onCall, deliveries, messages, register, outOfHours, settings, transactions, Clock.systemUTC());
    }

    OnCallEscalation(JdbcClient jdbc, AuditChain audit, OnCallList onCall, DeliveryOutbox deliveries,
                     OnCallMessages messages, AlertRegister register, OutOfHours outOfHours, DeliveryProperties settings,
                     PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.onCall = onCall;
        this.deliveries = deliveries;
        this.messages = messages;
        this.register = register;
        this.outOfHours = outOfHours;
        this.settings = settings;
        this.clock = clock;
        this.schedule = new EscalationSchedule(settings.onCall().ackTimeout(), settings.onCall().rounds(), clock);
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Where an alert's chain stands.
     *
     * @param startedAt      when the first person was told
     * @param told           the name of the person told last
     * @param step           their position when told, from 0
     * @param round          the time round the list they were told in, from 1
     * @param rounds         how many rounds a chain goes before it ends unanswered
     * @param deadline       when the next is told unless someone acknowledges; {@code null} once ended
     * @param acknowledgedAt when it was acknowledged, or {@code null}
     * @param acknowledgedBy who acknowledged it, or {@code null}
     */
    public record Status(Instant startedAt, String told, int step, int round, int rounds, Instant deadline,
                         Instant acknowledgedAt, String acknowledgedBy) {
        /** Whether the chain ended with no one acknowledging. */
        public boolean unanswered() {
            return acknowledgedAt == null && deadline == null;
        }
    }

    /**
     * Starts the chain for an alert when it is due one: level 5, seen outside school hours, someone
     * on the list and no chain yet. Joins the caller's transaction.
     *
     * @return whether the chain was started
     */
    boolean startIfDue(long alertId, int level, Instant seenAt) {
        if (level < LEVEL || !outOfHours.includes(seenAt)) {
            return false;
        }
        List<OnCallPerson> people = onCall.people();
        if (people.isEmpty() || status(alertId).isPresent()) {
            return false;
        }
        jdbc.sql("INSERT INTO alert_escalation (alert_id, started_at, step, round_number, told_name, next_step_at) "
                        + "VALUES (:id, :now, 0, 1, :name, :next)")
                .param("id", alertId).param("name", people.getFirst().name()).param("now", AlertRegister.utc(clock.instant()))
                .param("next", AlertRegister.utc(schedule.deadlineFromNow())).update();
        messages.tell(alertId, level, people.getFirst(), 1);
        return true;
    }

    /** Moves on every chain whose person did not acknowledge in time; runs on a schedule. */
    @Scheduled(fixedDelayString = "${lantern.alerts.delivery.on-call.check-interval:PT30S}",
            initialDelayString = "${lantern.alerts.delivery.on-call.check-interval:PT30S}")
    void tick() {
        try {
            if (advanceDue() > 0) {
                deliveries.wake();
            }
        } catch (RuntimeException e) {
            log.error("On-call chains could not be moved on; they will be tried again", e);
        }
    }

    private record Chain(long alertId, int step, int round, Instant deadline, int level) {
    }

    /**
     * Tells the next person on every chain whose deadline has passed, going round again from the
     * top after the last, or ends those whose last round is over.
     *
     * @return how many chains moved
     */
    int advanceDue() {
        List<Chain> due = jdbc.sql("SELECT e.alert_id, e.step, e.round_number, e.next_step_at, a.level "
                        + "FROM alert_escalation e JOIN filter_alert a ON a.id = e.alert_id WHERE e.acknowledged_at IS NULL "
                        + "AND e.next_step_at IS NOT NULL AND e.next_step_at <= :now ORDER BY e.next_step_at")
                .param("now", AlertRegister.utc(clock.instant()))
                .query((rs, n) -> new Chain(rs.getLong("alert_id"), rs.getInt("step"), rs.getInt("round_number"),
                        rs.getObject("next_step_at", OffsetDateTime.class).toInstant(), rs.getInt("level")))
                .list();
        int moved = 0;
        for (Chain c : due) {
            Boolean done = transaction.execute(status -> advance(c));
            moved += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return moved;
    }

    private boolean advance(Chain c) {
        List<OnCallPerson> people = onCall.people();
        Move move = schedule.move(c.step(), c.round(), c.deadline(), false, people.size());
        switch (move.action()) {
            case TELL_NEXT -> {
                OnCallPerson next = people.get(move.step());
                if (!moveOn(c, move, next.name(), AlertRegister.utc(schedule.deadlineFromNow()))) {
                    return false;
                }
                messages.tell(c.alertId(), c.level(), next, move.round());
                return true;
            }
            case EXHAUSTED -> {
                if (!end(c)) {
                    return false;
                }
                messages.unanswered(c.alertId(), c.step(), c.round());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Takes the chain from where this server read it; false when another server or an acknowledgement got there first. */
    private boolean moveOn(Chain c, Move move, String toldName, OffsetDateTime deadline) {
        return jdbc.sql("UPDATE alert_escalation SET step = :step, round_number = :round, told_name = :name, "
                        + "next_step_at = :next WHERE alert_id = :id AND step = :was AND round_number = :wasRound "
                        + "AND acknowledged_at IS NULL AND next_step_at = :deadline")
                .param("step", move.step()).param("round", move.round()).param("name", toldName).param("next", deadline)
                .param("id", c.alertId()).param("was", c.step()).param("wasRound", c.round())
                .param("deadline", AlertRegister.utc(c.deadline())).update() == 1;
    }

    /** Ends the chain unanswered, unless another server or an acknowledgement got there first. */
    private boolean end(Chain c) {
        return jdbc.sql("UPDATE alert_escalation SET next_step_at = NULL WHERE alert_id = :id AND step = :was "
                        + "AND round_number = :wasRound AND acknowledged_at IS NULL AND next_step_at = :deadline")
                .param("id", c.alertId()).param("was", c.step()).param("wasRound", c.round())
                .param("deadline", AlertRegister.utc(c.deadline())).update() == 1;
    }

    /**
     * Stops the alert's chain: no one else is told. Acknowledging again changes nothing.
     *
     * @throws AlertNotFoundException when there is no such alert
     * @throws AlertConflictException when the alert is not going down the on-call list
     */
    public Status acknowledge(long alertId, Viewer viewer) {
        Status status = transaction.execute(s -> {
            register.find(alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
            int changed = jdbc.sql("UPDATE alert_escalation SET acknowledged_at = :now, acknowledged_by = :who, "
                            + "next_step_at = NULL WHERE alert_id = :id AND acknowledged_at IS NULL")
                    .param("now", AlertRegister.utc(clock.instant())).param("who", viewer.username())
                    .param("id", alertId).update();
            Status now = status(alertId).orElseThrow(() -> new AlertConflictException(
                    "This alert was not sent to the on-call list, so there is nothing to acknowledge."));
            if (changed == 1) {
                audit.append(viewer.username(), "alert.acknowledged", AlertAccessLog.ALERT, Long.toString(alertId),
                        AlertRegister.json(Map.of("step", now.step(), "round", now.round())));
            }
            return now;
        });
        return status;
    }

    /** Where the alert's chain stands, if it has one. */
    public Optional<Status> status(long alertId) {
        return jdbc.sql("SELECT started_at, told_name, step, round_number, next_step_at, acknowledged_at, "
                        + "acknowledged_by FROM alert_escalation WHERE alert_id = :id").param("id", alertId)
                .query((rs, n) -> new Status(AlertRegister.instant(rs, "started_at"), rs.getString("told_name"),
                        rs.getInt("step"), rs.getInt("round_number"), settings.onCall().rounds(),
                        AlertRegister.instant(rs, "next_step_at"),
                        AlertRegister.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by")))
                .optional();
    }
}
