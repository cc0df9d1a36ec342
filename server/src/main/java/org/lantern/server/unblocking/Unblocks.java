package org.lantern.server.unblocking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.lantern.filter.decision.UnblockException;
import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;
import org.lantern.policy.Group;
import org.lantern.server.filtering.IllegalContentCheck;
import org.lantern.server.filtering.UnblocksChanged;
import org.lantern.server.people.People;
import org.lantern.server.policy.PolicyService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audited, time-limited unblocking (seed 002: staff may ask for sites to be removed from the
 * filtered list "for the period of study"; every request "auditable, with clear reasons"). Staff
 * request, a different person approves (filtering "is not the sole responsibility of any single
 * person"), and every step lands in the append-only {@code unblock_event}. Illegal content is
 * refused at once and again at approval. Each change to what the filter should open publishes
 * {@link UnblocksChanged}, inside the transaction, so a listener reading {@link #current(Instant)}
 * sees the change.
 */
@Service
public class Unblocks {

    /** Longest reason accepted, matching the columns. */
    public static final int MAX_REASON = 1000;
    /** Longest period an unblock may last: a period of study, never a permanent hole in the filter. */
    public static final Duration MAX_PERIOD = Duration.ofDays(90);
    /** The actor recorded for steps the system takes by itself. */
    public static final String SYSTEM_ACTOR = "lantern";

    private static final UrlNormaliser NORMALISER = new UrlNormaliser();

    private final JdbcClient jdbc;
    private final PolicyService policies;
    private final People people;
    private final ObjectProvider<IllegalContentCheck> illegalContent;
    private final ApplicationEventPublisher events;

    Unblocks(JdbcClient jdbc, PolicyService policies, People people, ObjectProvider<IllegalContentCheck> illegalContent,
             ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.people = people;
        this.illegalContent = illegalContent;
        this.events = events;
    }

    /**
     * Everything wrong with a draft, as sentences naming the field; empty when it can be stored.
     *
     * @param now the time the request would be made
     */
    public List<String> problems(UnblockDraft draft, Instant now) {
        List<String> errors = new ArrayList<>();
        if (draft.url() == null || draft.url().isBlank()) {
            errors.add("Address: enter the site or page to unblock");
        } else {
            try {
                NORMALISER.normalise(draft.url().strip());
            } catch (MalformedUrlException e) {
                errors.add("Address: " + e.getMessage());
            }
        }
        if (draft.scope() == null) {
            errors.add("Scope: choose the whole site or this address and everything below it");
        }
        if (draft.groupIds().isEmpty() && draft.personIds().isEmpty()) {
            errors.add("Who for: choose at least one group or named person");
        }
        Set<String> known = policies.currentDocument().groups().stream().map(Group::id).collect(Collectors.toSet());
        for (String group : draft.groupIds()) {
            if (!known.contains(group)) {
                errors.add("Groups: '" + group + "' is not a group in the policy in force");
            }
        }
        for (Long person : draft.personIds()) {
            if (person == null || people.find(person).isEmpty()) {
                errors.add("People: no person with id " + person);
            }
        }
        reasonProblem("Reason", draft.reason()).ifPresent(errors::add);
        Instant from = startOf(draft, now);
        if (draft.until() == null) {
            errors.add("Until: say when the unblock ends");
        } else if (!draft.until().isAfter(now)) {
            errors.add("Until: the end must be in the future");
        } else if (!draft.until().isAfter(from)) {
            errors.add("Until: the end must be after the start");
        } else if (Duration.between(from, draft.until()).compareTo(MAX_PERIOD) > 0) {
            errors.add("Until: an unblock lasts at most " + MAX_PERIOD.toDays() + " days; ask again if it is needed longer");
        }
        return errors;
    }

    /**
     * Records a request. Illegal content is refused at once: the attempt is stored as refused and
     * {@link IllegalContentRefusedException} is thrown.
     *
     * @param requestedBy username of the member of staff asking
     * @return the stored request, pending approval
     * @throws UnblockRejectedException if the draft has {@link #problems problems}; nothing is stored
     */
    @Transactional(noRollbackFor = IllegalContentRefusedException.class)
    public UnblockRequest request(UnblockDraft draft, String requestedBy, Instant now) {
        List<String> errors = problems(draft, now);
        if (!errors.isEmpty()) {
            throw new UnblockRejectedException(errors);
        }
        Target target = target(draft.url().strip(), draft.scope());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO unblock_request (target, scope, reason, valid_from, valid_until, requested_by,
                            requested_at, status)
                        VALUES (:target, :scope, :reason, :from, :until, :by, :at, 'REQUESTED')""")
                .param("target", target.target()).param("scope", draft.scope().name())
                .param("reason", draft.reason().strip()).param("from", utc(startOf(draft, now)))
                .param("until", utc(draft.until())).param("by", requestedBy).param("at", utc(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (String group : new LinkedHashSet<>(draft.groupIds())) {
            jdbc.sql("INSERT INTO unblock_request_group (request_id, group_id) VALUES (:id, :group)")
                    .param("id", id).param("group", group).update();
        }
        for (Long person : new LinkedHashSet<>(draft.personIds())) {
            jdbc.sql("INSERT INTO unblock_request_person (request_id, person_id) VALUES (:id, :person)")
                    .param("id", id).param("person", person).update();
        }
        record(id, UnblockAction.REQUESTED, requestedBy, now, draft.reason().strip());
        if (isIllegal(target.checkUrl())) {
            decide(id, UnblockStatus.REFUSED, UnblockAction.REFUSED_ILLEGAL, SYSTEM_ACTOR, now,
                    "Illegal content: can never be unblocked");
            throw new IllegalContentRefusedException(id);
        }
        return get(id);
    }

    /**
     * Grants a pending request. The approver must not be the requester, and the address is checked
     * for illegal content again (lists change): if it is now illegal the request is refused instead,
     * recorded, and {@link IllegalContentRefusedException} thrown.
     *
     * @throws UnblockRejectedException if the request is not pending, has ended, is the approver's
     *     own, or the reason is missing; nothing changes
     */
    @Transactional(noRollbackFor = IllegalContentRefusedException.class)
    public UnblockRequest grant(long id, String approver, String reason, Instant now) {
        UnblockRequest request = pending(id, approver, reason);
        if (!request.until().isAfter(now)) {
            throw new UnblockRejectedException("This request's period has already ended; ask the requester to ask again");
        }
        if (isIllegal(target(request).checkUrl())) {
            decide(id, UnblockStatus.REFUSED, UnblockAction.REFUSED_ILLEGAL, approver, now,
                    "Illegal content: can never be unblocked");
            throw new IllegalContentRefusedException(id);
        }
        decide(id, UnblockStatus.GRANTED, UnblockAction.GRANTED, approver, now, reason.strip());
        events.publishEvent(new UnblocksChanged("unblock " + id + " granted by " + approver));
        return get(id);
    }

    /**
     * Refuses a pending request, with the approver's reason.
     *
     * @throws UnblockRejectedException if it is not pending, is the approver's own, or the reason is missing
     */
    @Transactional
    public UnblockRequest refuse(long id, String approver, String reason, Instant now) {
        pending(id, approver, reason);
        decide(id, UnblockStatus.REFUSED, UnblockAction.REFUSED, approver, now, reason.strip());
        return get(id);
    }

    /**
     * Calls off a pending or granted request: the requester may withdraw their own, an approver any.
     *
     * @param isApprover whether {@code actor} holds UNBLOCK_APPROVE
     * @throws UnblockNotFoundException if there is no such request, or it is someone else's and the actor
     *     is not an approver
     * @throws UnblockRejectedException if it has already been decided or ended, or the reason is missing;
     *     nothing changes
     */
    @Transactional
    public UnblockRequest withdraw(long id, String actor, boolean isApprover, String reason, Instant now) {
        UnblockRequest request = get(id);
        if (!isApprover && !request.requestedBy().equals(actor)) {
            // Someone else's request is answered as a missing one is, so its number tells nothing.
            throw new UnblockNotFoundException(id);
        }
        List<String> errors = new ArrayList<>();
        if (request.status() != UnblockStatus.REQUESTED && request.status() != UnblockStatus.GRANTED) {
            errors.add("This request is already " + request.status().name().toLowerCase() + " and cannot be withdrawn");
        }
        reasonProblem("Reason", reason).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new UnblockRejectedException(errors);
        }
        decide(id, UnblockStatus.WITHDRAWN, UnblockAction.WITHDRAWN, actor, now, reason.strip());
        if (request.status() == UnblockStatus.GRANTED) {
            events.publishEvent(new UnblocksChanged("unblock " + id + " withdrawn by " + actor));
        }
        return get(id);
    }

    /**
     * Marks every granted or pending request whose period has ended at {@code now} as expired, with
     * an event each. The filter already ignores ended exceptions by time; this keeps the record and
     * the filter's list of exceptions tidy.
     *
     * @return how many requests were marked
     */
    @Transactional
    public int expire(Instant now) {
        List<UnblockRequest> ended = jdbc.sql(SELECT + " WHERE status IN ('REQUESTED', 'GRANTED') AND valid_until <= :now ORDER BY id")
                .param("now", utc(now)).query(this::map).list();
        boolean anyGranted = false;
        for (UnblockRequest request : ended) {
            decide(request.id(), UnblockStatus.EXPIRED, UnblockAction.EXPIRED, SYSTEM_ACTOR, now,
                    request.status() == UnblockStatus.GRANTED ? "The unblock period ended"
                            : "The period ended before anyone decided");
            anyGranted |= request.status() == UnblockStatus.GRANTED;
        }
        if (anyGranted) {
            events.publishEvent(new UnblocksChanged("unblocks ended"));
        }
        return ended.size();
    }

    /** The granted requests that have not ended at {@code now}, as the filter's exceptions. */
    public List<UnblockException> current(Instant now) {
        return jdbc.sql(SELECT + " WHERE status = 'GRANTED' AND valid_until > :now ORDER BY id")
                .param("now", utc(now)).query(this::map).list().stream()
                .map(r -> new UnblockException("unblock-" + r.id(), r.scope(), r.target(),
                        Set.copyOf(r.groupIds()),
                        r.personIds().stream().map(String::valueOf).collect(Collectors.toSet()),
                        r.from(), r.until(), r.decidedBy(), r.reason()))
                .toList();
    }

    /** Request {@code id}. */
    public UnblockRequest get(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> new UnblockNotFoundException(id));
    }

    /** Requests with {@code status} (every request when null), newest first. */
    public List<UnblockRequest> list(UnblockStatus status) {
        return jdbc.sql(SELECT + " WHERE (CAST(:status AS VARCHAR) IS NULL OR status = :status) ORDER BY id DESC")
                .param("status", status == null ? null : status.name()).query(this::map).list();
    }

    /** The requests {@code username} made, newest first. */
    public List<UnblockRequest> requestedBy(String username) {
        return jdbc.sql(SELECT + " WHERE requested_by = :by ORDER BY id DESC").param("by", username)
                .query(this::map).list();
    }

    /** Every recorded step of request {@code id}, oldest first. */
    public List<UnblockEvent> events(long id) {
        return jdbc.sql(EVENTS + " WHERE request_id = :id ORDER BY occurred_at, id").param("id", id)
                .query(Unblocks::mapEvent).list();
    }

    /** Every recorded step between {@code from} (inclusive) and {@code to} (exclusive), either may be null. */
    public List<UnblockEvent> events(Instant from, Instant to) {
        return jdbc.sql(EVENTS + " WHERE (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at >= :from)"
                        + " AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at < :to)"
                        + " ORDER BY occurred_at, id")
                .param("from", from == null ? null : utc(from)).param("to", to == null ? null : utc(to))
                .query(Unblocks::mapEvent).list();
    }

    private UnblockRequest pending(long id, String approver, String reason) {
        UnblockRequest request = get(id);
        List<String> errors = new ArrayList<>();
        if (request.status() != UnblockStatus.REQUESTED) {
            errors.add("This request is already " + request.status().name().toLowerCase());
        }
        if (request.requestedBy().equals(approver)) {
            errors.add("You cannot decide your own request: another approver must (no single person controls filtering)");
        }
        reasonProblem("Reason", reason).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new UnblockRejectedException(errors);
        }
        return request;
    }

    private void decide(long id, UnblockStatus status, UnblockAction action, String actor, Instant now, String reason) {
        jdbc.sql("UPDATE unblock_request SET status = :status, decided_by = :by, decided_at = :at, "
                        + "decision_reason = :reason WHERE id = :id")
                .param("status", status.name()).param("by", actor).param("at", utc(now)).param("reason", reason)
                .param("id", id).update();
        record(id, action, actor, now, reason);
    }

    private void record(long id, UnblockAction action, String actor, Instant now, String reason) {
        jdbc.sql("INSERT INTO unblock_event (request_id, action, actor, occurred_at, reason) "
                        + "VALUES (:id, :action, :actor, :at, :reason)")
                .param("id", id).param("action", action.name()).param("actor", actor).param("at", utc(now))
                .param("reason", reason).update();
    }

    private boolean isIllegal(String url) {
        IllegalContentCheck check = illegalContent.getIfAvailable();
        if (check == null) {
            // Fail closed: without the check no one can know the address is not illegal.
            throw new UnblockRejectedException("The illegal-content check is not available, so no unblock can be "
                    + "requested or granted; tell the network manager");
        }
        return check.isIllegal(url);
    }

    private static Optional<String> reasonProblem(String field, String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(field + ": give a reason; unblocks must be auditable, with clear reasons");
        }
        if (reason.strip().length() > MAX_REASON) {
            return Optional.of(field + ": at most " + MAX_REASON + " characters");
        }
        return Optional.empty();
    }

    private static Instant startOf(UnblockDraft draft, Instant now) {
        // A start in the past could open nothing that has not already passed, so it means "now".
        return draft.from() == null || draft.from().isBefore(now) ? now : draft.from();
    }

    /** A normalised target and the URL the illegal-content check is asked about. */
    private record Target(String target, String checkUrl) {
    }

    /** Normalises what the requester typed into the stored target; the draft has been validated. */
    static Target target(String url, Scope scope) {
        try {
            NormalisedUrl normalised = NORMALISER.normalise(url);
            return scope == Scope.DOMAIN
                    ? new Target(normalised.host(), "http://" + normalised.host() + "/")
                    : new Target(normalised.matchForm(), normalised.toString());
        } catch (MalformedUrlException e) {
            throw new UnblockRejectedException("Address: " + e.getMessage());
        }
    }

    private static Target target(UnblockRequest request) {
        return new Target(request.target(), "http://" + request.target()
                + (request.scope() == Scope.DOMAIN ? "/" : ""));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static final String SELECT = "SELECT id, target, scope, reason, valid_from, valid_until, requested_by, "
            + "requested_at, status, decided_by, decided_at, decision_reason FROM unblock_request";
    private static final String EVENTS = "SELECT id, request_id, action, actor, occurred_at, reason FROM unblock_event";

    private UnblockRequest map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new UnblockRequest(id, rs.getString("target"), Scope.valueOf(rs.getString("scope")),
                jdbc.sql("SELECT group_id FROM unblock_request_group WHERE request_id = :id ORDER BY group_id")
                        .param("id", id).query(String.class).list(),
                jdbc.sql("SELECT person_id FROM unblock_request_person WHERE request_id = :id ORDER BY person_id")
                        .param("id", id).query(Long.class).list(),
                rs.getString("reason"), instant(rs, "valid_from"), instant(rs, "valid_until"),
                rs.getString("requested_by"), instant(rs, "requested_at"), UnblockStatus.valueOf(rs.getString("status")),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_reason"));
    }

    private static UnblockEvent mapEvent(ResultSet rs, int row) throws SQLException {
        return new UnblockEvent(rs.getLong("id"), rs.getLong("request_id"), UnblockAction.valueOf(rs.getString("action")),
                rs.getString("actor"), instant(rs, "occurred_at"), rs.getString("reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
