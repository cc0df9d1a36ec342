package org.lantern.server.registers.agreements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.registers.FormScans;
import org.lantern.server.registers.RegisterJson;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleChanged;
import org.lantern.server.people.Person;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who accepted which version of which agreement, when and how: online by the person signed in,
 * or a paper form recorded by a member of staff, with the form's scan as evidence if they have
 * it ({@link AgreementScans}). Each acceptance is appended to the {@link
 * AuditChain} in its transaction and announced as a {@link PeopleChanged}, so the filter's network
 * gate lets the person through from their next request.
 */
@Service
public class Acceptances {

    static final String RECORD_TYPE = "agreement-acceptance";
    static final int MAX_SIGNED_BY = 200;

    private final JdbcClient jdbc;
    private final People people;
    private final AgreementTexts texts;
    private final AgreementScans scans;
    private final AuditChain audit;
    private final ApplicationEventPublisher events;

    Acceptances(JdbcClient jdbc, People people, AgreementTexts texts, AgreementScans scans, AuditChain audit,
                ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.people = people;
        this.texts = texts;
        this.scans = scans;
        this.audit = audit;
        this.events = events;
    }

    /**
     * The agreement a signed-in account's person accepts themselves, in force now.
     *
     * @throws AgreementNotFoundException when the account is linked to nobody, or nobody has written their agreement
     */
    public Owed owedBy(long accountId) {
        Person person = people.findByAccount(accountId).orElseThrow(() -> new AgreementNotFoundException(
                "Your account is not linked to anyone in the people directory, so there is no agreement for you."));
        Audience audience = Audience.own(person).orElseThrow(() -> new AgreementNotFoundException(
                "There is no agreement for you yet: the school has not given your year group."));
        AgreementVersion version = texts.inForce(audience).orElseThrow(() -> new AgreementNotFoundException(
                "The school has not written the " + audience.label() + " agreement yet."));
        return new Owed(person, version, latest(person.id(), audience));
    }

    /**
     * A person's own agreement in force, and their latest acceptance of it.
     *
     * @param person  who
     * @param version the version in force for them
     * @param latest  their latest acceptance of any version of it, if any
     */
    public record Owed(Person person, AgreementVersion version, Optional<Acceptance> latest) {
        /** Whether they have accepted this version, or a later one. */
        public boolean acceptedInForce() {
            return latest.filter(a -> a.versionNumber() >= version.number()).isPresent();
        }
    }

    /**
     * The signed-in account's person accepts the version in force of their own agreement.
     *
     * @param shownVersionId the version the page showed them, or null (the API: whatever is in force)
     * @throws AgreementException when they have already accepted it, or it changed since the page was shown
     */
    @Transactional
    public Acceptance acceptOwn(long accountId, String username, Long shownVersionId) {
        Owed owed = owedBy(accountId);
        AgreementVersion version = owed.version();
        if (shownVersionId != null && shownVersionId != version.id()) {
            throw AgreementException.conflict("The agreement changed while you were reading it: read version "
                    + version.number() + " and accept that.");
        }
        if (owed.acceptedInForce()) {
            Acceptance a = owed.latest().orElseThrow();
            throw AgreementException.conflict("You have already accepted version " + a.versionNumber() + " of the "
                    + version.audience().label() + " agreement, on " + SchoolTime.day(a.signedOn()) + ".");
        }
        return insert(owed.person(), version, AcceptanceMethod.ONLINE, SchoolTime.today(),
                owed.person().displayName(), null, username);
    }

    /** Records a paper form kept without a scan: see {@link #recordPaper(long, long, LocalDate, String, String, byte[], String)}. */
    @Transactional
    public Acceptance recordPaper(long personId, long versionId, LocalDate signedOn, String signedBy, String actor) {
        return recordPaper(personId, versionId, signedOn, signedBy, null, null, actor);
    }

    /**
     * Records a paper form: a person's own agreement, or a parent's or carer's for their child,
     * with the scan of the form if one is given. A scan that cannot be kept refuses the whole
     * form, so nothing is half-recorded.
     *
     * @param signedOn    the date on the form
     * @param signedBy    who signed it (a parent's or carer's name; for one's own form, blank means the person)
     * @param scanName    the scan's file name as uploaded, or null
     * @param scanContent the scan's bytes, or null for none
     * @throws AgreementNotFoundException when there is no such person or version
     * @throws AgreementException for a version of another audience, a date in the future or before the
     *     version was published, a missing parent's name, a scan that is empty, too large or not an
     *     image or PDF, or a version already recorded
     */
    @Transactional
    public Acceptance recordPaper(long personId, long versionId, LocalDate signedOn, String signedBy, String scanName,
                                  byte[] scanContent, String actor) {
        Person person = people.find(personId)
                .orElseThrow(() -> new AgreementNotFoundException("There is no person " + personId + "."));
        AgreementVersion version = texts.find(versionId)
                .orElseThrow(() -> new AgreementNotFoundException("There is no agreement version " + versionId + "."));
        List<String> problems = new ArrayList<>(AgreementForms.paperProblems(Audience.of(person), person.displayName(),
                version, signedOn, signedBy, SchoolTime.today()));
        String name = AgreementForms.strip(signedBy);
        if (scanContent != null) {
            problems.addAll(FormScans.problems(scanContent));
        }
        if (!problems.isEmpty()) {
            throw new AgreementException(problems, false);
        }
        if (accepted(personId, versionId)) {
            throw AgreementException.conflict(person.displayName() + "'s acceptance of version " + version.number()
                    + " of the " + version.audience().label() + " agreement is already recorded.");
        }
        Long scanId = scanContent == null ? null : scans.store(scanName, scanContent, actor);
        return insert(person, version, AcceptanceMethod.PAPER, signedOn, name.isEmpty() ? person.displayName() : name,
                scanId, actor);
    }

    /**
     * Keeps the scan of a signed paper form as evidence of an acceptance already recorded (a form
     * recorded without one, or through the API), replacing any earlier scan, which stays stored.
     *
     * @param scanName    the uploaded file's name
     * @param scanContent the scan's bytes, or null when no file was sent
     * @throws AgreementException         (400) for a scan that is empty, too large or not an image or PDF;
     *                                    (409) for an acceptance given online, which has no paper form
     * @throws AgreementNotFoundException for no such person or version, or no acceptance of that version recorded
     */
    @Transactional
    public Acceptance attachScan(long personId, long versionId, String scanName, byte[] scanContent, String actor) {
        Person person = people.find(personId)
                .orElseThrow(() -> new AgreementNotFoundException("There is no person " + personId + "."));
        AgreementVersion version = texts.find(versionId)
                .orElseThrow(() -> new AgreementNotFoundException("There is no agreement version " + versionId + "."));
        List<String> problems = FormScans.problems(scanContent);
        if (!problems.isEmpty()) {
            throw new AgreementException(problems, false);
        }
        Acceptance acceptance = jdbc.sql(SELECT + " WHERE a.person_id = :p AND a.version_id = :v")
                .param("p", personId).param("v", versionId).query(Acceptances::map).optional()
                .orElseThrow(() -> new AgreementNotFoundException("No acceptance of version " + version.number()
                        + " of the " + version.audience().label() + " agreement is recorded for "
                        + person.displayName() + ": record the paper form first."));
        if (acceptance.method() != AcceptanceMethod.PAPER) {
            throw AgreementException.conflict(person.displayName() + " accepted version " + version.number() + " of the "
                    + version.audience().label() + " agreement online, so there is no paper form to scan.");
        }
        long scanId = scans.store(scanName, scanContent, actor);
        jdbc.sql("UPDATE agreement_acceptance SET scan_id = :scan WHERE id = :id").param("scan", scanId)
                .param("id", acceptance.id()).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("personId", personId);
        detail.put("versionId", versionId);
        detail.putAll(scans.auditDetail(scanId));
        audit.append(actor, "agreement.scan-attached", RECORD_TYPE, Long.toString(acceptance.id()),
                RegisterJson.of(detail));
        return of(personId).stream().filter(a -> a.id() == acceptance.id()).findFirst().orElseThrow();
    }

    /** Every acceptance recorded against a person, newest first. */
    public List<Acceptance> of(long personId) {
        return jdbc.sql(SELECT + " WHERE a.person_id = :p ORDER BY a.signed_on DESC, a.id DESC").param("p", personId)
                .query(Acceptances::map).list();
    }

    /** Up to {@code limit} of one version's acceptances from {@code offset}, the latest signed first. */
    public List<Acceptance> ofVersion(long versionId, int limit, int offset) {
        return jdbc.sql(SELECT + " WHERE a.version_id = :v ORDER BY a.signed_on DESC, a.id DESC "
                        + "OFFSET :o ROWS FETCH NEXT :l ROWS ONLY")
                .param("v", versionId).param("o", offset).param("l", limit).query(Acceptances::map).list();
    }

    /** How many acceptances one version has. */
    public long countOf(long versionId) {
        return jdbc.sql("SELECT COUNT(*) FROM agreement_acceptance WHERE version_id = :v").param("v", versionId)
                .query(Long.class).single();
    }

    /** Whether a person has yet to accept the version in force of their own agreement (false when there is none). */
    public boolean owes(Person person) {
        Optional<Audience> audience = Audience.own(person);
        if (audience.isEmpty()) {
            return false;
        }
        Integer from = texts.signingFrom().get(audience.get());
        return from != null && latest(person.id(), audience.get()).filter(a -> a.versionNumber() >= from).isEmpty();
    }

    private Optional<Acceptance> latest(long personId, Audience audience) {
        return jdbc.sql(SELECT + " WHERE a.person_id = :p AND v.audience = :a ORDER BY v.number DESC, a.id DESC "
                        + "FETCH FIRST 1 ROWS ONLY")
                .param("p", personId).param("a", audience.name()).query(Acceptances::map).optional();
    }

    private boolean accepted(long personId, long versionId) {
        return jdbc.sql("SELECT COUNT(*) FROM agreement_acceptance WHERE person_id = :p AND version_id = :v")
                .param("p", personId).param("v", versionId).query(Long.class).single() > 0;
    }

    private Acceptance insert(Person person, AgreementVersion version, AcceptanceMethod method, LocalDate signedOn,
                              String signedBy, Long scanId, String actor) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO agreement_acceptance (version_id, person_id, method, signed_on, signed_by, recorded_by, "
                        + "recorded_at, scan_id) VALUES (:v, :p, :m, :on, :by, :actor, :at, :scan)")
                .param("v", version.id()).param("p", person.id()).param("m", method.name()).param("on", signedOn)
                .param("by", signedBy).param("actor", actor).param("at", now).param("scan", scanId).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("personId", person.id());
        detail.put("versionId", version.id());
        detail.put("audience", version.audience().name());
        detail.put("number", version.number());
        detail.put("method", method.name());
        detail.put("signedOn", signedOn.toString());
        if (scanId != null) {
            detail.putAll(scans.auditDetail(scanId));
        }
        audit.append(actor, "agreement.accepted", RECORD_TYPE, Long.toString(id), RegisterJson.of(detail));
        events.publishEvent(new PeopleChanged(Set.of(person.id()), "accepted the " + version.audience().name()
                + " agreement"));
        return new Acceptance(id, person.id(), version.id(), version.audience(), version.number(), method, signedOn,
                signedBy, actor, now, scanId);
    }

    private static final String SELECT = "SELECT a.*, v.audience, v.number FROM agreement_acceptance a "
            + "JOIN agreement_version v ON v.id = a.version_id";

    static Acceptance map(ResultSet rs, int row) throws SQLException {
        return new Acceptance(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("version_id"),
                Audience.valueOf(rs.getString("audience")), rs.getInt("number"),
                AcceptanceMethod.valueOf(rs.getString("method")), rs.getObject("signed_on", LocalDate.class),
                rs.getString("signed_by"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class), rs.getObject("scan_id", Long.class));
    }
}
