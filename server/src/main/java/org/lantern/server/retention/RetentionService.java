package org.lantern.server.retention;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.people.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention (seed 000 §8: personal data "not kept longer than necessary"; seed 002: "clear and
 * understood data retention policies and routines for the deletion and disposal of data").
 * Nothing is deleted by Lantern on its own: {@link #scan} lists records past their
 * {@link RetentionRules retention period}, and a person with RETENTION_MANAGE confirms each deletion
 * or keeps the record longer with a reason. A {@link LegalHolds legal hold} on an incident or a
 * person stops deletion until it is lifted. Every decision and hold is appended to the {@link AuditChain}, deletions with
 * ids and digests only.
 */
@Service
public class RetentionService {

    static final int MAX_REASON = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** As the retention page's template writes a date. */
    private static final DateTimeFormatter CUT_OFF = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    private static final List<String> INCIDENT_TYPES = List.of(RecordType.CHILD_PROTECTION.name(),
            RecordType.BEHAVIOUR.name(), RecordType.STAFF_INCIDENT.name());

    private final JdbcClient jdbc;
    private final RetentionRules rules;
    private final RecordDeletion deletion;
    private final AuditChain audit;
    private final ScanProgress progress;
    private final LegalHolds holds;

    RetentionService(JdbcClient jdbc, RetentionRules rules, RecordDeletion deletion, AuditChain audit,
                     ScanProgress progress, LegalHolds holds) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.deletion = deletion;
        this.audit = audit;
        this.progress = progress;
        this.holds = holds;
    }

    /**
     * A record on the review list.
     *
     * @param id            the review's id
     * @param type          the rule it follows
     * @param key           the record's id, or a batch's cut-off date
     * @param summary       what it is, without opening it
     * @param dueOn         when its retention ended
     * @param basis         the rule in words
     * @param status        pending, kept longer (extended) or deleted
     * @param decidedBy     who decided, if anyone yet
     * @param decidedAt     when
     * @param reason        why
     * @param extendedUntil kept until, when extended
     * @param held          whether a legal hold stops its deletion now
     */
    public record Review(long id, RecordType type, String key, String summary, LocalDate dueOn, String basis,
                         String status, String decidedBy, OffsetDateTime decidedAt, String reason,
                         LocalDate extendedUntil, boolean held) {
    }

    /**
     * What a scan found.
     *
     * @param checked records and batches looked at
     * @param listed  newly put on the review list (or a batch brought up to date)
     */
    public record ScanOutcome(int checked, int listed) {
    }

    /**
     * Puts every record past its retention period on {@code today} on the review list, unless it is
     * already there, deleted, or kept until a later day. Progress is published for the page.
     */
    @Transactional
    public ScanOutcome scan(LocalDate today) {
        List<IncidentFacts> incidents = incidentFacts();
        List<LeaverFacts> leavers = jdbc.sql("SELECT id, kind, leaving_date FROM person WHERE leaving_date IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM incident_subject s WHERE s.person_id = person.id) ORDER BY id")
                .query((rs, n) -> new LeaverFacts(rs.getLong("id"), rs.getString("kind"),
                        rs.getObject("leaving_date", LocalDate.class))).list();
        List<RecordType> batches = List.of(RecordType.values()).stream().filter(RecordType::batch).toList();
        progress.start(incidents.size() + leavers.size() + batches.size());
        int listed = 0;
        try {
            progress.phase("Incidents");
            for (IncidentFacts incident : incidents) {
                RecordType type = rules.incidentType(incident.aboutStaff(), incident.childProtection(), incident.actions());
                RetentionRules.Due due = rules.incident(type, incident.recordedOn(), incident.birthDates());
                if (!due.due().isAfter(today) && list(type, Long.toString(incident.id()), INCIDENT_TYPES,
                        type.label() + " " + incident.id() + " (recorded " + incident.recordedOn() + ")", due, today)) {
                    listed++;
                }
                progress.advance();
            }
            progress.phase("People who have left");
            for (LeaverFacts leaver : leavers) {
                Optional<RetentionRules.Due> due = rules.leaver(leaver.leavingDate());
                if (due.isPresent() && !due.get().due().isAfter(today) && list(RecordType.LEAVER,
                        Long.toString(leaver.id()), List.of(RecordType.LEAVER.name()),
                        leaver.kind().toLowerCase(Locale.ROOT) + " " + leaver.id() + " (left " + leaver.leavingDate() + ")",
                        due.get(), today)) {
                    listed++;
                }
                progress.advance();
            }
            for (RecordType type : batches) {
                progress.phase(type.label());
                if (listBatch(type, today)) {
                    listed++;
                }
                progress.advance();
            }
        } finally {
            progress.finish(listed);
        }
        LOG.info("Retention check for {}: {} records and batches checked, {} listed for review",
                today, progress.current().total(), listed);
        return new ScanOutcome(progress.current().total(), listed);
    }

    /** The review list: pending first (oldest due first), then the latest decisions. */
    public List<Review> reviews() {
        return jdbc.sql("SELECT * FROM retention_review ORDER BY CASE status WHEN 'PENDING' THEN 0 ELSE 1 END, "
                        + "CASE status WHEN 'PENDING' THEN due_on END, decided_at DESC, id DESC")
                .query((rs, n) -> new Review(rs.getLong("id"), RecordType.valueOf(rs.getString("record_type")),
                        rs.getString("record_key"), rs.getString("summary"), rs.getObject("due_on", LocalDate.class),
                        rs.getString("basis"), rs.getString("status"), rs.getString("decided_by"),
                        school(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("reason"),
                        rs.getObject("extended_until", LocalDate.class), false))
                .list().stream()
                .map(r -> new Review(r.id(), r.type(), r.key(), r.summary(), r.dueOn(), r.basis(), r.status(),
                        r.decidedBy(), r.decidedAt(), r.reason(), r.extendedUntil(),
                        "PENDING".equals(r.status()) && holds.heldBy(r.type(), r.key()).isPresent()))
                .toList();
    }

    /**
     * Deletes the record of a pending review for good, with everything that refers to it.
     *
     * @throws RetentionNotFoundException when there is no such review
     * @throws RetentionRejectedException for a blank reason, a review not pending, or a record on
     *                                    legal hold (the attempt is audited)
     */
    @Transactional(noRollbackFor = RetentionRejectedException.class)
    public void confirmDeletion(long reviewId, String reason, String actor) {
        Review review = pending(reviewId);
        requireReason(reason);
        Optional<LegalHolds.Hold> hold = holds.heldBy(review.type(), review.key());
        if (hold.isPresent()) {
            audit.append(actor, "retention.deletion-refused", review.type().name().toLowerCase(Locale.ROOT), review.key(),
                    json(Map.of("reviewId", reviewId, "holdId", hold.get().id())));
            throw new RetentionRejectedException("This record is on legal hold (" + hold.get().targetType()
                    .toLowerCase(Locale.ROOT) + " " + hold.get().targetId() + "): it cannot be deleted until the hold is lifted.");
        }
        Map<String, Object> deleted = switch (review.type()) {
            case CHILD_PROTECTION, BEHAVIOUR, STAFF_INCIDENT -> deletion.incident(Long.parseLong(review.key()));
            case LEAVER -> deletion.person(Long.parseLong(review.key()));
            case LOGON_AUDIT -> deletion.logonAttempts(LocalDate.parse(review.key()));
            case RECORD_ACCESS -> deletion.recordAccess(LocalDate.parse(review.key()));
            case UNBLOCK_REQUEST -> deletion.unblockRequests(LocalDate.parse(review.key()));
            case DECISION_LOG -> deletion.decisionLogs(LocalDate.parse(review.key()));
            case ACTIVITY_SEARCH -> deletion.activitySearches(LocalDate.parse(review.key()));
            case ALERT -> deletion.alerts(LocalDate.parse(review.key()));
        };
        decide(reviewId, "DELETED", reason, null, actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reviewId", reviewId);
        detail.put("rule", review.basis());
        detail.put("reasonSha256", sha256(reason.strip()));
        detail.put("deleted", deleted);
        audit.append(actor, "retention.deleted", review.type().name().toLowerCase(Locale.ROOT), review.key(), json(detail));
        LOG.info("Retention: {} deleted {} {} (review {})", actor, review.type(), review.key(), reviewId);
    }

    /**
     * Keeps a pending record until a later day; it is listed again then.
     *
     * @throws RetentionNotFoundException when there is no such review
     * @throws RetentionRejectedException for a blank reason, a day not after today, or a review not pending
     */
    @Transactional
    public void extend(long reviewId, LocalDate until, String reason, String actor) {
        Review review = pending(reviewId);
        requireReason(reason);
        if (until == null || !until.isAfter(People.today())) {
            throw new RetentionRejectedException("Choose a day after today to keep it until.");
        }
        decide(reviewId, "EXTENDED", reason, until, actor);
        audit.append(actor, "retention.extended", review.type().name().toLowerCase(Locale.ROOT), review.key(),
                json(Map.of("reviewId", reviewId, "until", until.toString(), "reasonSha256", sha256(reason.strip()))));
    }

    private boolean list(RecordType type, String key, List<String> sameRecord, String summary, RetentionRules.Due due,
                         LocalDate today) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM retention_review WHERE record_key = :key AND record_type IN (:types) "
                        + "AND (status IN ('PENDING', 'DELETED') OR (status = 'EXTENDED' AND extended_until > :today))")
                .param("key", key).param("types", sameRecord).param("today", today).query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        insertReview(type, key, summary, due.due(), due.basis());
        return true;
    }

    private boolean listBatch(RecordType type, LocalDate today) {
        LocalDate cutOff = rules.cutOff(type, today);
        long count = switch (type) {
            case LOGON_AUDIT -> deletion.count("logon_attempt", "attempted_at < :cutOff", cutOff);
            case RECORD_ACCESS -> deletion.count("record_access", RecordDeletion.RECORD_ACCESS_DUE, cutOff);
            case UNBLOCK_REQUEST -> deletion.count("unblock_request", RecordDeletion.UNBLOCK_DUE, cutOff);
            case DECISION_LOG -> deletion.decisionLogFiles(cutOff).size();
            case ACTIVITY_SEARCH -> deletion.count("activity_search", RecordDeletion.ACTIVITY_SEARCH_DUE, cutOff);
            case ALERT -> deletion.count("filter_alert", RecordDeletion.ALERT_DUE, cutOff);
            default -> throw new IllegalArgumentException(type + " is reviewed record by record");
        };
        if (count == 0) {
            return false;
        }
        boolean extended = jdbc.sql("SELECT COUNT(*) FROM retention_review WHERE record_type = :type "
                        + "AND status = 'EXTENDED' AND extended_until > :today")
                .param("type", type.name()).param("today", today).query(Long.class).single() > 0;
        if (extended) {
            return false;
        }
        String summary = batchSummary(type, count, cutOff);
        String basis = "kept " + rules.years(type);
        int updated = jdbc.sql("UPDATE retention_review SET record_key = :key, summary = :summary, due_on = :due "
                        + "WHERE record_type = :type AND status = 'PENDING'")
                .param("key", cutOff.toString()).param("summary", summary).param("due", today)
                .param("type", type.name()).update();
        if (updated == 0) {
            insertReview(type, cutOff.toString(), summary, today, basis);
        }
        return true;
    }

    /**
     * What a batch review says it would delete, e.g. "1 closed alert dated before 01/04/2026": the
     * count with its noun agreeing, and the cut-off written as the retention page writes dates.
     */
    static String batchSummary(RecordType type, long count, LocalDate cutOff) {
        String noun = type == RecordType.DECISION_LOG ? "file" : type == RecordType.ALERT ? "closed alert" : "row";
        return String.format(Locale.ROOT, "%,d %s%s dated before %s", count, noun, count == 1 ? "" : "s",
                CUT_OFF.format(cutOff));
    }

    private void insertReview(RecordType type, String key, String summary, LocalDate due, String basis) {
        jdbc.sql("INSERT INTO retention_review (record_type, record_key, summary, due_on, basis, status, listed_at) "
                        + "VALUES (:type, :key, :summary, :due, :basis, 'PENDING', :now)")
                .param("type", type.name()).param("key", key).param("summary", summary).param("due", due)
                .param("basis", basis).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    private Review pending(long reviewId) {
        Review review = reviews().stream().filter(r -> r.id() == reviewId).findFirst()
                .orElseThrow(() -> new RetentionNotFoundException("review", reviewId));
        if (!"PENDING".equals(review.status())) {
            throw new RetentionRejectedException("That record is not waiting for review (it may already have been "
                    + "deleted or kept).");
        }
        return review;
    }

    private void decide(long reviewId, String status, String reason, LocalDate until, String actor) {
        jdbc.sql("UPDATE retention_review SET status = :status, decided_by = :actor, decided_at = :now, reason = :reason, "
                        + "extended_until = :until WHERE id = :id AND status = 'PENDING'")
                .param("status", status).param("actor", actor).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .param("reason", reason.strip()).param("until", until).param("id", reviewId).update();
    }

    private record IncidentFacts(long id, boolean aboutStaff, boolean childProtection, LocalDate recordedOn, List<String> actions,
                                 List<LocalDate> birthDates) {
    }

    private record LeaverFacts(long id, String kind, LocalDate leavingDate) {
    }

    private List<IncidentFacts> incidentFacts() {
        Map<Long, List<String>> actions = new HashMap<>();
        jdbc.sql("SELECT incident_id, column_id FROM incident_action").query(rs -> {
            actions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        Map<Long, List<LocalDate>> births = new HashMap<>();
        jdbc.sql("SELECT s.incident_id, p.date_of_birth FROM incident_subject s JOIN person p ON p.id = s.person_id")
                .query(rs -> {
                    births.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class));
                });
        return jdbc.sql("SELECT id, subject_type, record_kind, recorded_at FROM incident ORDER BY id")
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new IncidentFacts(id, "STAFF".equals(rs.getString("subject_type")),
                            RecordKind.CHILD_PROTECTION.name().equals(rs.getString("record_kind")),
                            rs.getObject("recorded_at", OffsetDateTime.class).atZoneSameInstant(SchoolTime.ZONE).toLocalDate(),
                            actions.getOrDefault(id, List.of()), births.getOrDefault(id, List.of()));
                }).list();
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RetentionRejectedException("Give a reason.");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new RetentionRejectedException("The reason must be at most " + MAX_REASON + " characters.");
        }
    }

    static OffsetDateTime school(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String json(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }
}
