package org.lantern.server.registers.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.reports.SchoolYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual filtering and monitoring reviews, kept and versioned: each year's review stays, a new
 * one starts from the last one's answers, and one is complete when the senior leader and the
 * governor have both signed it. Starting and signing are appended to the {@link AuditChain} in
 * the same transaction; the chain holds no answer text, only what happened. Every read of one
 * review, with its evidence, is in the {@link RecordAccessLog} (record type {@value #RECORD_TYPE}),
 * as reads of the other registers' sensitive records are.
 */
@Service
public class FilteringReviews {

    /** The record type of a review in the audit chain and the record-access log. */
    public static final String RECORD_TYPE = "filtering-review";

    private final JdbcClient jdbc;
    private final AuditChain audit;
    private final RecordAccessLog accessLog;
    private final ReviewEvidence evidence;

    FilteringReviews(JdbcClient jdbc, AuditChain audit, RecordAccessLog accessLog, ReviewEvidence evidence) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accessLog = accessLog;
        this.evidence = evidence;
    }

    /** Every review, newest first. */
    public List<FilteringReview> all() {
        return jdbc.sql("SELECT * FROM filtering_review ORDER BY number DESC").query(FilteringReviews::map).list();
    }

    /** The newest review, if there is one. */
    public Optional<FilteringReview> latest() {
        return jdbc.sql("SELECT * FROM filtering_review ORDER BY number DESC FETCH FIRST 1 ROWS ONLY")
                .query(FilteringReviews::map).optional();
    }

    /** Review {@code id}. */
    public FilteringReview get(long id) {
        return jdbc.sql("SELECT * FROM filtering_review WHERE id = :id").param("id", id).query(FilteringReviews::map)
                .optional().orElseThrow(() -> new ReviewNotFoundException(id));
    }

    /** Review {@code id} read by {@code viewer}: logged in the record-access log once it is found. */
    @Transactional
    public FilteringReview read(long id, Viewer viewer, Channel channel) {
        FilteringReview review = get(id);
        logRead(id, viewer, channel);
        return review;
    }

    /**
     * The evidence review {@code review} shows: the snapshot stored at its final signature, or the
     * evidence gathered now for a review still open or signed before snapshots were kept.
     */
    public SignedEvidence evidenceOf(FilteringReview review) {
        String snapshot = jdbc.sql("SELECT signed_evidence FROM filtering_review WHERE id = :id")
                .param("id", review.id()).query(String.class).optional().orElse(null);
        return SignedEvidence.of(review, snapshot,
                snapshot == null ? evidence.gather(new SchoolYear(review.schoolYear())) : null);
    }

    /** Logs that {@code viewer} read review {@code id} through {@code channel}, e.g. into an evidence pack. */
    public void logRead(long id, Viewer viewer, Channel channel) {
        accessLog.log(viewer, RECORD_TYPE, id, channel, true);
    }

    /**
     * Starts the review of {@code year}, from the last review's answers where {@code answers} leaves
     * one blank.
     *
     * @throws ReviewException when an answer is too long, or the last review is not yet signed by both
     */
    @Transactional
    public FilteringReview start(SchoolYear year, ReviewAnswers answers, String actor) {
        Optional<FilteringReview> last = latest();
        ReviewRules.checkStart(answers, last);
        ReviewAnswers kept = answers.over(last.map(FilteringReview::answers).orElse(ReviewAnswers.NONE));
        int number = ReviewRules.nextNumber(last);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO filtering_review (school_year, number, based_on, send_answer, eal_answer, "
                        + "ai_tools_answer, byod_answer, actions, created_by, created_at) VALUES (:year, :number, "
                        + ":basedOn, :send, :eal, :ai, :byod, :actions, :by, :at)")
                .param("year", year.startYear()).param("number", number)
                .param("basedOn", last.map(FilteringReview::id).orElse(null))
                .param("send", kept.send()).param("eal", kept.eal()).param("ai", kept.aiTools())
                .param("byod", kept.byod()).param("actions", kept.actions()).param("by", actor).param("at", now())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        // Numbers only, so the detail is JSON as written.
        String detail = "{\"schoolYear\":" + year.startYear() + ",\"number\":" + number
                + last.map(l -> ",\"basedOn\":" + l.number()).orElse("") + "}";
        audit.append(actor, "filtering-review.started", RECORD_TYPE, Long.toString(id), detail);
        return get(id);
    }

    /**
     * Replaces the answers of review {@code id}, taking the review's own where {@code answers} leaves
     * one blank. Only before anyone has signed: a signature is given to the answers as they stand.
     *
     * @throws ReviewException when an answer is too long or the review is signed
     */
    @Transactional
    public FilteringReview answer(long id, ReviewAnswers answers, String actor) {
        FilteringReview review = get(id);
        ReviewRules.checkAnswer(review, answers);
        ReviewAnswers kept = answers.over(review.answers());
        int updated = jdbc.sql("UPDATE filtering_review SET send_answer = :send, eal_answer = :eal, ai_tools_answer = "
                        + ":ai, byod_answer = :byod, actions = :actions WHERE id = :id AND leader_signed_by IS NULL "
                        + "AND governor_signed_by IS NULL")
                .param("send", kept.send()).param("eal", kept.eal()).param("ai", kept.aiTools())
                .param("byod", kept.byod()).param("actions", kept.actions()).param("id", id).update();
        if (updated == 0) {
            throw new ReviewException("Review " + review.number() + " was signed just now; its answers stand.", true);
        }
        audit.append(actor, "filtering-review.answered", RECORD_TYPE, Long.toString(id),
                "{\"number\":" + review.number() + "}");
        return get(id);
    }

    /**
     * Signs review {@code id} as {@code signer}. The DfE's questions must all be answered first, and
     * each of the two signs once.
     *
     * @throws ReviewException when a question is unanswered or that signature is already given
     */
    @Transactional
    public FilteringReview sign(long id, Signer signer, String actor) {
        FilteringReview review = get(id);
        ReviewRules.checkSign(review, signer);
        String column = signer == Signer.LEADER ? "leader" : "governor";
        // Only an unsigned column is written, so two people signing at once cannot both succeed.
        int updated = jdbc.sql("UPDATE filtering_review SET " + column + "_signed_by = :by, " + column
                        + "_signed_at = :at WHERE id = :id AND " + column + "_signed_by IS NULL")
                .param("by", actor).param("at", now()).param("id", id).update();
        if (updated == 0) {
            throw new ReviewException("Review " + review.number() + " was signed by someone else just now.", true);
        }
        FilteringReview signed = get(id);
        if (signed.complete()) {
            // The final signature is given to the evidence as it stands now, so that is what the review keeps.
            jdbc.sql("UPDATE filtering_review SET signed_evidence = :evidence WHERE id = :id")
                    .param("evidence", SignedEvidence.write(evidence.gather(new SchoolYear(signed.schoolYear()))))
                    .param("id", id).update();
        }
        audit.append(actor, "filtering-review.signed", RECORD_TYPE, Long.toString(id),
                "{\"number\":" + review.number() + ",\"as\":\"" + signer.name() + "\"}");
        return signed;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    static FilteringReview map(ResultSet rs, int row) throws SQLException {
        return new FilteringReview(rs.getLong("id"), rs.getInt("school_year"), rs.getInt("number"),
                rs.getObject("based_on", Long.class),
                new ReviewAnswers(rs.getString("send_answer"), rs.getString("eal_answer"),
                        rs.getString("ai_tools_answer"), rs.getString("byod_answer"), rs.getString("actions")),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("leader_signed_by"), rs.getObject("leader_signed_at", OffsetDateTime.class),
                rs.getString("governor_signed_by"), rs.getObject("governor_signed_at", OffsetDateTime.class));
    }
}
