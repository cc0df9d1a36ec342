package org.lantern.server.registers.consents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.lantern.server.registers.RegisterJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pupils' photo and video consents, one per use: recorded from a form (with its scan), replaced by
 * a newer form, and withdrawn at any time. A withdrawal creates a takedown task for every
 * publication of that use the pupil appears in ({@link Takedowns}), in the same transaction, so
 * the withdrawal and its tasks are recorded together or not at all. Every change is appended to
 * the {@link AuditChain} (record type {@value #RECORD_TYPE}; no names in the chain's detail).
 */
@Service
public class Consents {

    static final String RECORD_TYPE = "photo-consent";

    /** How a form is recorded: only as a new consent (API create), only over one (API update), or either (the page). */
    public enum Mode { CREATE, UPDATE, EITHER }

    private final JdbcClient jdbc;
    private final People people;
    private final ConsentScans scans;
    private final Takedowns takedowns;
    private final AuditChain audit;

    Consents(JdbcClient jdbc, People people, ConsentScans scans, Takedowns takedowns, AuditChain audit) {
        this.jdbc = jdbc;
        this.people = people;
        this.scans = scans;
        this.takedowns = takedowns;
        this.audit = audit;
    }

    /**
     * The pupil with this id.
     *
     * @throws ConsentNotFoundException for no one, or someone who is not a pupil
     */
    public Person pupil(long personId) {
        return people.find(personId).filter(p -> p.kind() == PersonKind.PUPIL)
                .orElseThrow(() -> new ConsentNotFoundException("There is no pupil " + personId + "."));
    }

    /** A pupil's consents by use (a use with no form is missing). */
    public Map<PhotoUse, Consent> of(long personId) {
        Map<PhotoUse, Consent> byUse = new EnumMap<>(PhotoUse.class);
        jdbc.sql("SELECT * FROM consent WHERE person_id = :p").param("p", personId).query(Consents::map).list()
                .forEach(c -> byUse.put(c.use(), c));
        return byUse;
    }

    /** Every consent recorded, by pupil then use. */
    public Map<Long, Map<PhotoUse, Consent>> all() {
        Map<Long, Map<PhotoUse, Consent>> all = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM consent ORDER BY person_id").query(Consents::map).list()
                .forEach(c -> all.computeIfAbsent(c.personId(), k -> new EnumMap<>(PhotoUse.class)).put(c.use(), c));
        return all;
    }

    /**
     * Records a consent form, with the scan of it if one is given, replacing the pupil's earlier
     * consent for that use (a withdrawn consent given again is a new form).
     *
     * @param scanName    the uploaded file's name, or null
     * @param scanContent the scan's bytes, or null for none
     * @throws ConsentException         for a form or scan with problems, or (409) a create over an existing consent
     * @throws ConsentNotFoundException for no such pupil, or an update of a consent not recorded
     */
    @Transactional
    public Consent record(long personId, ConsentForm form, String scanName, byte[] scanContent, String actor, Mode mode) {
        Person pupil = pupil(personId);
        List<String> problems = new ArrayList<>(form.problems(SchoolTime.today()));
        if (scanContent != null) {
            problems.addAll(ConsentScans.problems(scanContent));
        }
        if (!problems.isEmpty()) {
            throw new ConsentException(problems, false);
        }
        Optional<Consent> existing = Optional.ofNullable(of(personId).get(form.use()));
        if (mode == Mode.CREATE && existing.isPresent()) {
            throw ConsentException.conflict(pupil.displayName() + "'s consent for " + form.use().label()
                    + " is already recorded: update it instead.");
        }
        if (mode == Mode.UPDATE && existing.isEmpty()) {
            throw new ConsentNotFoundException("No consent for " + form.use().label() + " is recorded for "
                    + pupil.displayName() + ": record one first.");
        }
        Long scanId = scanContent == null ? existing.map(Consent::evidenceId).orElse(null)
                : Long.valueOf(scans.store(scanName, scanContent, actor));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            jdbc.sql("UPDATE consent SET granted = :g, given_by = :by, pupil_agreed = :pa, given_on = :on, expires_on = :ex, "
                            + "evidence_id = :scan, withdrawn_on = NULL, withdrawn_by = NULL, recorded_by = :actor, "
                            + "recorded_at = :at WHERE id = :id")
                    .param("g", form.granted()).param("by", form.name()).param("pa", form.pupilAgreed())
                    .param("on", form.givenOn()).param("ex", form.expiresOn()).param("scan", scanId)
                    .param("actor", actor).param("at", now).param("id", id).update();
        } else {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO consent (person_id, use_kind, granted, given_by, pupil_agreed, given_on, expires_on, "
                            + "evidence_id, recorded_by, recorded_at) VALUES (:p, :u, :g, :by, :pa, :on, :ex, :scan, :actor, :at)")
                    .param("p", personId).param("u", form.use().name()).param("g", form.granted())
                    .param("by", form.name()).param("pa", form.pupilAgreed()).param("on", form.givenOn())
                    .param("ex", form.expiresOn()).param("scan", scanId).param("actor", actor).param("at", now)
                    .update(key, "id");
            id = key.getKeyAs(Number.class).longValue();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("personId", personId);
        detail.put("use", form.use().name());
        detail.put("granted", form.granted());
        detail.put("pupilAgreed", String.valueOf(form.pupilAgreed()));
        detail.put("givenOn", form.givenOn().toString());
        if (scanContent != null) {
            detail.putAll(scans.auditDetail(scanId));
        }
        audit.append(actor, existing.isPresent() ? "consent.replaced" : "consent.recorded", RECORD_TYPE,
                Long.toString(id), RegisterJson.of(detail));
        return get(id);
    }

    /**
     * Keeps the scan of the signed form as evidence of a pupil's consent for one use already
     * recorded (a form recorded without one, or sent through the API), replacing any earlier scan.
     *
     * @param scanName    the uploaded file's name
     * @param scanContent the scan's bytes, or null when no file was sent
     * @throws ConsentException         for no use, or a scan that is empty, too large or not an image or PDF
     * @throws ConsentNotFoundException for no such pupil, or no consent recorded for that use
     */
    @Transactional
    public Consent attachScan(long personId, PhotoUse use, String scanName, byte[] scanContent, String actor) {
        pupil(personId);
        List<String> problems = new ArrayList<>();
        if (use == null) {
            problems.add("Say which use's form the scan is of: WEBSITE, SOCIAL_MEDIA, PRESS, DISPLAYS or CLASS_PHOTOS.");
        }
        problems.addAll(ConsentScans.problems(scanContent));
        if (!problems.isEmpty()) {
            throw new ConsentException(problems, false);
        }
        Consent consent = Optional.ofNullable(of(personId).get(use)).orElseThrow(() -> new ConsentNotFoundException(
                "No consent for " + use.label().toLowerCase() + " is recorded for this pupil: record the form first."));
        long scanId = scans.store(scanName, scanContent, actor);
        jdbc.sql("UPDATE consent SET evidence_id = :scan WHERE id = :id").param("scan", scanId).param("id", consent.id())
                .update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("personId", personId);
        detail.put("use", use.name());
        detail.putAll(scans.auditDetail(scanId));
        audit.append(actor, "consent.scan-attached", RECORD_TYPE, Long.toString(consent.id()), RegisterJson.of(detail));
        return get(consent.id());
    }

    /**
     * Withdraws a pupil's consent for some uses, or for every use now given, and creates a
     * takedown task for each publication of those uses the pupil appears in.
     *
     * @param uses        which uses; empty for every use the pupil's consent is given for
     * @param withdrawnOn the day it was withdrawn (a letter may arrive days after it is dated)
     * @param withdrawnBy who withdrew it (a parent or carer, or the pupil)
     * @return the takedown tasks created
     * @throws ConsentException (409) for a use already withdrawn, refused or never recorded;
     *     (400) for no name, or a date in the future or before the consent was given
     */
    @Transactional
    public List<TakedownTask> withdraw(long personId, Set<PhotoUse> uses, LocalDate withdrawnOn, String withdrawnBy,
                                       String actor) {
        Person pupil = pupil(personId);
        List<Consent> chosen = Withdrawals.choose(pupil.displayName(), of(personId), uses, withdrawnOn, withdrawnBy,
                SchoolTime.today());
        String name = Withdrawals.name(withdrawnBy);
        List<TakedownTask> tasks = new ArrayList<>();
        for (Consent c : chosen) {
            jdbc.sql("UPDATE consent SET withdrawn_on = :on, withdrawn_by = :by WHERE id = :id AND withdrawn_on IS NULL")
                    .param("on", withdrawnOn).param("by", name).param("id", c.id()).update();
            List<TakedownTask> created = takedowns.createFor(c, withdrawnOn, actor);
            tasks.addAll(created);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("personId", personId);
            detail.put("use", c.use().name());
            detail.put("withdrawnOn", withdrawnOn.toString());
            detail.put("takedownTasks", created.stream().map(TakedownTask::id).toList());
            audit.append(actor, "consent.withdrawn", RECORD_TYPE, Long.toString(c.id()), RegisterJson.of(detail));
        }
        return tasks;
    }

    private Consent get(long id) {
        return jdbc.sql("SELECT * FROM consent WHERE id = :id").param("id", id).query(Consents::map).single();
    }

    static Consent map(ResultSet rs, int row) throws SQLException {
        return new Consent(rs.getLong("id"), rs.getLong("person_id"), PhotoUse.valueOf(rs.getString("use_kind")),
                rs.getBoolean("granted"), rs.getString("given_by"), rs.getObject("pupil_agreed", Boolean.class),
                rs.getObject("given_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
                rs.getObject("evidence_id", Long.class), rs.getObject("withdrawn_on", LocalDate.class),
                rs.getString("withdrawn_by"), rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
    }
}
