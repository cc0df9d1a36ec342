package org.lantern.server.registers.agreements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.lantern.server.registers.RegisterJson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreement texts: every version of every audience's agreement. The version in force is an
 * audience's latest; the version that must have been signed is its latest {@linkplain
 * ChangeKind#needsSigning() material} one, so a correction asks nobody to sign again. Publishing a
 * version is appended to the {@link AuditChain} in the same transaction, and each version records the
 * school's policy version in force when it was published.
 */
@Service
public class AgreementTexts {

    static final String RECORD_TYPE = "agreement-version";
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;
    static final int MAX_NOTE = 500;

    private final JdbcClient jdbc;
    private final AuditChain audit;
    private final ApplicationEventPublisher events;
    private final PolicyService policies;

    AgreementTexts(JdbcClient jdbc, AuditChain audit, ApplicationEventPublisher events, PolicyService policies) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.policies = policies;
    }

    /** The version in force for an audience, if it has one. */
    public Optional<AgreementVersion> inForce(Audience audience) {
        return jdbc.sql("SELECT * FROM agreement_version WHERE audience = :a ORDER BY number DESC FETCH FIRST 1 ROWS ONLY")
                .param("a", audience.name()).query(AgreementTexts::map).optional();
    }

    /** The version in force for every audience that has one, in the audiences' order. */
    public Map<Audience, AgreementVersion> allInForce() {
        Map<Audience, AgreementVersion> all = new EnumMap<>(Audience.class);
        for (AgreementVersion v : jdbc.sql("SELECT * FROM agreement_version v WHERE number = "
                + "(SELECT MAX(number) FROM agreement_version w WHERE w.audience = v.audience)")
                .query(AgreementTexts::map).list()) {
            all.put(v.audience(), v);
        }
        return all;
    }

    /**
     * For each audience with a version, the number of its latest version that must be signed:
     * an acceptance of that version or a later one counts as signed.
     */
    public Map<Audience, Integer> signingFrom() {
        Map<Audience, Integer> from = new EnumMap<>(Audience.class);
        jdbc.sql("SELECT audience, MAX(number) AS number FROM agreement_version WHERE change_kind <> 'CORRECTION' "
                        + "GROUP BY audience")
                .query((rs, n) -> from.put(Audience.valueOf(rs.getString("audience")), rs.getInt("number"))).list();
        return from;
    }

    /** Every version of an audience's agreement, newest first. */
    public List<AgreementVersion> history(Audience audience) {
        return jdbc.sql("SELECT * FROM agreement_version WHERE audience = :a ORDER BY number DESC")
                .param("a", audience.name()).query(AgreementTexts::map).list();
    }

    /** Version {@code id}. */
    public AgreementVersion get(long id) {
        return find(id).orElseThrow(() -> new AgreementNotFoundException("There is no agreement version " + id + "."));
    }

    Optional<AgreementVersion> find(long id) {
        return jdbc.sql("SELECT * FROM agreement_version WHERE id = :id").param("id", id).query(AgreementTexts::map)
                .optional();
    }

    /**
     * Publishes a new version of an audience's agreement, in force at once. The first version of an
     * audience is always {@link ChangeKind#FIRST}, whatever is asked.
     *
     * @throws AgreementException when the title, text, kind of change or note is missing or too long
     */
    @Transactional
    public AgreementVersion publish(Audience audience, String title, String body, ChangeKind kind, String note,
                                    String actor) {
        Optional<AgreementVersion> current = audience == null ? Optional.empty() : inForce(audience);
        List<String> problems = AgreementForms.versionProblems(audience, title, body, kind, note, current.isPresent());
        if (!problems.isEmpty()) {
            throw new AgreementException(problems, false);
        }
        String t = AgreementForms.strip(title);
        String b = AgreementForms.strip(body);
        String n = AgreementForms.strip(note);
        ChangeKind chosen = current.isEmpty() ? ChangeKind.FIRST : kind;
        int number = current.map(v -> v.number() + 1).orElse(1);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Integer policy = policies.current().map(PolicyVersion::number).orElse(null);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO agreement_version (audience, number, title, body, change_kind, change_note, created_by, "
                        + "created_at, policy_version) VALUES (:audience, :number, :title, :body, :kind, :note, :by, :at, "
                        + ":policy)")
                .param("audience", audience.name()).param("number", number).param("title", t).param("body", b)
                .param("kind", chosen.name()).param("note", n.isEmpty() ? "First version." : n).param("by", actor)
                .param("at", now).param("policy", policy).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("audience", audience.name());
        detail.put("number", number);
        detail.put("changeKind", chosen.name());
        detail.put("title", t);
        detail.put("note", n);
        detail.put("policyVersion", policy);
        audit.append(actor, "agreement.published", RECORD_TYPE, Long.toString(id), RegisterJson.of(detail));
        if (chosen.needsSigning()) {
            // Everyone of the audience owes the new version now: the filter must read them afresh.
            events.publishEvent(new AgreementsChanged("version " + number + " of " + audience.name() + " published"));
        }
        return get(id);
    }

    static AgreementVersion map(ResultSet rs, int row) throws SQLException {
        return new AgreementVersion(rs.getLong("id"), Audience.valueOf(rs.getString("audience")), rs.getInt("number"),
                rs.getString("title"), rs.getString("body"), ChangeKind.valueOf(rs.getString("change_kind")),
                rs.getString("change_note"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("policy_version", Integer.class));
    }
}
