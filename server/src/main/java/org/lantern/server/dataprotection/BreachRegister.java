package org.lantern.server.dataprotection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal-data breach register. A breach is recorded when the school becomes aware of it,
 * which starts the ICO's 72-hour clock; then the decision to report it or not (with reasons,
 * either way), the report and its ICO reference, who was told and what was done. Every change is
 * appended to the {@link AuditChain} in the same transaction.
 */
@Service
public class BreachRegister {

    static final String RECORD_TYPE = "data-breach";
    static final int MAX_TEXT = 2000;
    static final int MAX_LONG_TEXT = 4000;
    static final int MAX_REFERENCE = 100;

    private final JdbcClient jdbc;
    private final AuditChain audit;

    BreachRegister(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * A breach as first entered.
     *
     * @param occurredAt     when it happened
     * @param awareAt        when the school became aware
     * @param summary        what happened
     * @param dataInvolved   what personal data
     * @param peopleAffected how many people
     */
    public record NewBreach(OffsetDateTime occurredAt, OffsetDateTime awareAt, String summary, String dataInvolved,
                            Integer peopleAffected) {
    }

    /** Every breach, newest awareness first. */
    public List<Breach> list() {
        return jdbc.sql("SELECT * FROM data_breach ORDER BY aware_at DESC, id DESC").query(BreachRegister::map).list();
    }

    /** Breach {@code id}. */
    public Breach get(long id) {
        return jdbc.sql("SELECT * FROM data_breach WHERE id = :id").param("id", id).query(BreachRegister::map)
                .optional().orElseThrow(() -> new NotFoundException("breach", id));
    }

    /** Enters a breach in the register. */
    @Transactional
    public Breach record(NewBreach in, String actor) {
        List<String> problems = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (in.occurredAt() == null) {
            problems.add("Say when the breach happened (your best estimate).");
        }
        if (in.awareAt() == null) {
            problems.add("Say when the school became aware of it: the ICO's 72 hours start then.");
        } else if (in.awareAt().isAfter(now.plusMinutes(5))) {
            problems.add("When the school became aware cannot be in the future.");
        }
        if (in.occurredAt() != null && in.awareAt() != null && in.awareAt().isBefore(in.occurredAt())) {
            problems.add("The school cannot have become aware of it before it happened.");
        }
        Texts.require(problems, "What happened", in.summary(), MAX_TEXT);
        Texts.require(problems, "What personal data was involved", in.dataInvolved(), MAX_TEXT);
        if (in.peopleAffected() == null || in.peopleAffected() < 0) {
            problems.add("Say how many people's data was involved (0 or more; your best estimate).");
        }
        if (!problems.isEmpty()) {
            throw new DataProtectionException(problems);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO data_breach (occurred_at, aware_at, summary, data_involved, people_affected, recorded_by, "
                        + "recorded_at) VALUES (:occurred, :aware, :summary, :data, :people, :by, :now)")
                .param("occurred", in.occurredAt().withOffsetSameInstant(ZoneOffset.UTC))
                .param("aware", in.awareAt().withOffsetSameInstant(ZoneOffset.UTC))
                .param("summary", in.summary().strip()).param("data", in.dataInvolved().strip())
                .param("people", in.peopleAffected()).param("by", actor).param("now", now)
                .update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("occurredAt", in.occurredAt().toInstant().toString());
        detail.put("awareAt", in.awareAt().toInstant().toString());
        detail.put("summarySha256", AuditDetail.sha256(in.summary().strip()));
        detail.put("dataInvolvedSha256", AuditDetail.sha256(in.dataInvolved().strip()));
        detail.put("peopleAffected", in.peopleAffected());
        audit.append(actor, "breach.recorded", RECORD_TYPE, Long.toString(id), AuditDetail.json(detail));
        return get(id);
    }

    /** Records the decision to report to the ICO or not; the reasons are required either way. */
    @Transactional
    public Breach decide(long id, IcoDecision decision, String reasons, String actor) {
        get(id);
        List<String> problems = new ArrayList<>();
        if (decision == null) {
            problems.add("Choose whether the breach is reported to the ICO.");
        }
        Texts.require(problems, "The reasons for the decision", reasons, MAX_LONG_TEXT);
        if (!problems.isEmpty()) {
            throw new DataProtectionException(problems);
        }
        jdbc.sql("UPDATE data_breach SET ico_decision = :decision, decision_reasons = :reasons, decided_by = :by, "
                        + "decided_at = :now WHERE id = :id")
                .param("decision", decision.name()).param("reasons", reasons.strip()).param("by", actor)
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("id", id).update();
        audit.append(actor, "breach.decided", RECORD_TYPE, Long.toString(id), AuditDetail.json(Map.of(
                "decision", decision.name(), "reasonsSha256", AuditDetail.sha256(reasons.strip()))));
        return get(id);
    }

    /** Records that the breach was reported to the ICO, when, and the ICO's reference. */
    @Transactional
    public Breach reported(long id, OffsetDateTime reportedAt, String reference, String actor) {
        Breach breach = get(id);
        List<String> problems = new ArrayList<>();
        if (breach.decision() != IcoDecision.REPORT) {
            problems.add("Record the decision to report to the ICO first.");
        }
        if (reportedAt == null) {
            problems.add("Say when it was reported to the ICO.");
        } else if (reportedAt.isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5))) {
            problems.add("When it was reported cannot be in the future.");
        } else if (reportedAt.isBefore(breach.awareAt())) {
            problems.add("It cannot have been reported before the school became aware of it.");
        }
        Texts.require(problems, "The ICO's reference", reference, MAX_REFERENCE);
        if (!problems.isEmpty()) {
            throw new DataProtectionException(problems);
        }
        jdbc.sql("UPDATE data_breach SET reported_at = :at, ico_reference = :ref WHERE id = :id")
                .param("at", reportedAt.withOffsetSameInstant(ZoneOffset.UTC)).param("ref", reference.strip())
                .param("id", id).update();
        audit.append(actor, "breach.reported", RECORD_TYPE, Long.toString(id), AuditDetail.json(Map.of(
                "reportedAt", reportedAt.toInstant().toString(), "icoReference", reference.strip())));
        return get(id);
    }

    /** Records who was informed and what was done; each may be left blank until known. */
    @Transactional
    public Breach followUp(long id, String peopleInformed, String actionsTaken, String actor) {
        get(id);
        List<String> problems = new ArrayList<>();
        Texts.optional(problems, "People informed", peopleInformed, MAX_LONG_TEXT);
        Texts.optional(problems, "Actions taken", actionsTaken, MAX_LONG_TEXT);
        if (!problems.isEmpty()) {
            throw new DataProtectionException(problems);
        }
        jdbc.sql("UPDATE data_breach SET people_informed = :informed, actions_taken = :actions WHERE id = :id")
                .param("informed", Texts.blankToNull(peopleInformed)).param("actions", Texts.blankToNull(actionsTaken))
                .param("id", id).update();
        audit.append(actor, "breach.followed-up", RECORD_TYPE, Long.toString(id), AuditDetail.json(Map.of(
                "peopleInformedSha256", AuditDetail.sha256(Texts.blankToNull(peopleInformed)),
                "actionsTakenSha256", AuditDetail.sha256(Texts.blankToNull(actionsTaken)))));
        return get(id);
    }

    private static Breach map(ResultSet rs, int n) throws SQLException {
        String decision = rs.getString("ico_decision");
        return new Breach(rs.getLong("id"), school(rs, "occurred_at"), school(rs, "aware_at"), rs.getString("summary"),
                rs.getString("data_involved"), rs.getInt("people_affected"),
                decision == null ? null : IcoDecision.valueOf(decision), rs.getString("decision_reasons"),
                rs.getString("decided_by"), school(rs, "decided_at"), school(rs, "reported_at"),
                rs.getString("ico_reference"), rs.getString("people_informed"), rs.getString("actions_taken"),
                rs.getString("recorded_by"), school(rs, "recorded_at"));
    }

    static OffsetDateTime school(ResultSet rs, String column) throws SQLException {
        OffsetDateTime stored = rs.getObject(column, OffsetDateTime.class);
        return stored == null ? null : stored.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime();
    }
}
