package org.lantern.server.incidents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.policy.Column;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Role;
import org.lantern.server.people.IncidentActionCompleted;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records incidents and works their actions. The category's ticked columns in the school's
 * Actions / Sanctions table become the incident's tracked actions, so what the policy says the
 * school does is what the school is reminded to do. Every change is appended to the
 * {@link AuditChain} in the same transaction; the free text is audited by its SHA-256 only, so
 * the audit proves the words were not changed without keeping a second copy of them.
 */
@Service
public class IncidentService {

    static final int MAX_TEXT = 10_000;
    static final int MAX_LOCATION = 200;
    static final int MAX_REASON = 500;
    static final int MAX_OUTCOME = 5_000;
    static final int MAX_LINK = 2_000;
    static final int MAX_LINKS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(IncidentService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final People people;
    private final IncidentCategories categories;
    private final AuditChain audit;
    private final RecordAccessLog accessLog;
    private final IncidentProperties due;
    private final IncidentRules rules;
    private final Escalation escalation;
    private final ApplicationEventPublisher events;

    IncidentService(JdbcClient jdbc, People people, IncidentCategories categories, AuditChain audit,
                    RecordAccessLog accessLog, IncidentProperties due, IncidentRules rules, Escalation escalation,
                    ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.people = people;
        this.categories = categories;
        this.audit = audit;
        this.accessLog = accessLog;
        this.due = due;
        this.rules = rules;
        this.escalation = escalation;
        this.events = events;
    }

    /**
     * Records an incident with the actions its category requires. A further incident for the same
     * person within the escalation period also gets the actions of the table's "Continued
     * infringements" row; an incident that concerns illegal material enters the illegal path (a
     * child-protection record, monitoring of the item halted, an investigation to close).
     *
     * @throws IncidentRejectedException naming every problem; nothing is stored
     */
    @Transactional
    public Incident record(NewIncident in, Viewer recorder) {
        List<String> problems = new ArrayList<>();
        List<Person> subjects = new ArrayList<>();
        for (Long id : in.subjectIds().stream().distinct().toList()) {
            people.find(id).ifPresentOrElse(subjects::add, () -> problems.add("There is no person with id " + id + "."));
        }
        if (in.subjectIds().isEmpty()) {
            problems.add("Choose at least one person involved.");
        }
        SubjectType subject = in.subjectType() != null ? in.subjectType()
                : subjects.isEmpty() ? null : SubjectType.of(subjects.getFirst().kind()).orElse(null);
        if (subject == null && problems.isEmpty()) {
            problems.add("Incidents are about pupils or staff: choose a pupil or a member of staff.");
        }
        for (Person p : subjects) {
            if (subject != null && p.kind() != subject.kind()) {
                problems.add(p.displayName() + " is not " + (subject == SubjectType.PUPIL ? "a pupil" : "a member of staff")
                        + ": an incident is about pupils or about staff, not both.");
            }
        }
        Optional<IncidentCategory> category = subject == null || in.categoryId() == null ? Optional.empty()
                : categories.find(subject, in.categoryId());
        if (subject != null && category.isEmpty()) {
            problems.add("Choose a category from the school's " + subject.label().toLowerCase(Locale.ROOT)
                    + " Actions / Sanctions table.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (in.occurredAt() == null) {
            problems.add("Say when it happened.");
        } else if (in.occurredAt().isAfter(now.plusMinutes(5))) {
            problems.add("When it happened cannot be in the future.");
        }
        requireText(problems, "What happened", in.description(), MAX_TEXT, true);
        requireText(problems, "The child's own words", in.childWords(), MAX_TEXT, false);
        requireText(problems, "Where", in.location(), MAX_LOCATION, false);
        if (in.links().size() > MAX_LINKS) {
            problems.add("Give at most " + MAX_LINKS + " links or devices.");
        }
        if (in.links().stream().anyMatch(l -> l.length() > MAX_LINK)) {
            problems.add("Each link or device must be at most " + MAX_LINK + " characters.");
        }
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        IncidentCategory chosen = category.orElseThrow();
        boolean illegal = in.suspectedIllegal() || chosen.concernsIllegalMaterial();
        RecordKind kind = illegal ? RecordKind.CHILD_PROTECTION : in.recordKind();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incident (subject_type, category_id, category_text, occurred_at, location, "
                        + "description, child_words, recorded_by_account, recorded_by, recorded_at, record_kind, source, "
                        + "illegal_path) VALUES (:subject, :category, :text, :occurred, :location, :description, :words, "
                        + ":account, :by, :now, :kind, 'STAFF', :illegal)")
                .param("subject", subject.name()).param("category", chosen.id()).param("text", chosen.text())
                .param("occurred", in.occurredAt().withOffsetSameInstant(ZoneOffset.UTC))
                .param("location", blankToNull(in.location())).param("description", in.description().strip())
                .param("words", blankToNull(in.childWords())).param("account", recorder.accountId())
                .param("by", recorder.username()).param("now", now).param("kind", kind.name())
                .param("illegal", illegal)
                .update(key, "id");
        long id = key.getKey().longValue();
        for (Person p : subjects) {
            jdbc.sql("INSERT INTO incident_subject (incident_id, person_id) VALUES (:id, :person)")
                    .param("id", id).param("person", p.id()).update();
        }
        for (int i = 0; i < in.links().size(); i++) {
            jdbc.sql("INSERT INTO incident_link (incident_id, position, link) VALUES (:id, :pos, :link)")
                    .param("id", id).param("pos", i).param("link", in.links().get(i)).update();
        }
        LocalDate today = People.today();
        List<String> actionIds = new ArrayList<>();
        for (Column column : chosen.actions()) {
            insertAction(id, column, today, null);
            actionIds.add(column.id());
        }
        if (illegal) {
            jdbc.sql("INSERT INTO incident_investigation (incident_id, monitoring_halted_at, monitoring_halted_by) "
                            + "VALUES (:id, :now, :by)")
                    .param("id", id).param("now", now).param("by", recorder.username()).update();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("subjectType", subject.name());
        detail.put("categoryId", chosen.id());
        detail.put("subjectIds", subjects.stream().map(Person::id).toList());
        detail.put("occurredAt", in.occurredAt().toInstant().toString());
        detail.put("descriptionSha256", sha256(in.description().strip()));
        detail.put("childWordsSha256", sha256(blankToNull(in.childWords())));
        detail.put("locationSha256", sha256(blankToNull(in.location())));
        detail.put("linksSha256", sha256(String.join("\n", in.links())));
        detail.put("actions", actionIds);
        detail.put("recordKind", kind.name());
        detail.put("illegalPath", illegal);
        audit.append(recorder.username(), "incident.recorded", RecordAccessLog.INCIDENT, Long.toString(id), json(detail));
        if (illegal) {
            audit.append(recorder.username(), "incident.monitoring-halted", RecordAccessLog.INCIDENT, Long.toString(id),
                    json(Map.of("reason", "suspected illegal material")));
        }
        if (kind == RecordKind.BEHAVIOUR) {
            escalate(id, subject, subjects.stream().map(Person::id).toList(), in.occurredAt(), actionIds, recorder.username());
        }
        return load(id).orElseThrow();
    }

    /**
     * Marks the incident escalated if it is a further incident for the same person within the
     * escalation period, and adds the "Continued infringements" row's actions it does not have yet.
     */
    private void escalate(long id, SubjectType subject, List<Long> personIds, OffsetDateTime occurredAt,
                          List<String> actionIds, String actor) {
        List<Long> earlier = escalation.earlierIncidents(id, personIds, occurredAt);
        if (earlier.isEmpty()) {
            return;
        }
        for (long e : earlier) {
            jdbc.sql("INSERT INTO incident_escalation (incident_id, earlier_incident_id) VALUES (:id, :earlier)")
                    .param("id", id).param("earlier", e).update();
        }
        String reason = "Continued infringement: a further incident within " + rules.escalationPeriod().toDays()
                + " days of incident " + String.join(", ", earlier.stream().map(String::valueOf).toList()) + ".";
        List<String> added = new ArrayList<>();
        for (Column column : categories.continuedInfringements(subject).map(IncidentCategory::actions).orElse(List.of())) {
            if (!actionIds.contains(column.id())) {
                insertAction(id, column, People.today(), reason);
                added.add(column.id());
            }
        }
        audit.append(actor, "incident.escalated", RecordAccessLog.INCIDENT, Long.toString(id),
                json(Map.of("earlierIncidents", earlier, "addedActions", added)));
    }

    /**
     * The incident if this viewer may read it, logging the look either way. Empty both when it
     * does not exist and when it is someone else's record, so the answer never confirms it exists.
     */
    @Transactional
    public Optional<Incident> read(long id, Viewer viewer, Channel channel) {
        Optional<Incident> incident = load(id).filter(viewer::mayRead);
        accessLog.log(viewer, id, channel, incident.isPresent());
        return incident;
    }

    /**
     * The behaviour records this viewer may read, newest first; each one shown is logged as a
     * look. Child-protection records are never in this list, even for the DSL: they are listed
     * apart ({@link #listChildProtection}).
     */
    @Transactional
    public List<Incident> list(Viewer viewer) {
        List<Long> ids = jdbc.sql("SELECT id FROM incident WHERE record_kind = 'BEHAVIOUR' "
                        + "AND (:all OR recorded_by_account = :account) ORDER BY occurred_at DESC, id DESC")
                .param("all", viewer.readAll()).param("account", viewer.accountId()).query(Long.class).list();
        return shown(ids, viewer);
    }

    /** The child-protection records, newest first, for a viewer who may read them; each one shown is logged. */
    @Transactional
    public List<Incident> listChildProtection(Viewer viewer) {
        if (!viewer.childProtection()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("SELECT id FROM incident WHERE record_kind = 'CHILD_PROTECTION' "
                + "ORDER BY occurred_at DESC, id DESC").query(Long.class).list();
        return shown(ids, viewer);
    }

    /** Every incident about this person that the viewer may read, oldest first, without logging. */
    List<Incident> about(long personId, Viewer viewer) {
        return jdbc.sql("SELECT i.id FROM incident i JOIN incident_subject s ON s.incident_id = i.id "
                        + "WHERE s.person_id = :person ORDER BY i.occurred_at, i.id")
                .param("person", personId).query(Long.class).list().stream()
                .map(this::load).flatMap(Optional::stream).filter(viewer::mayRead).toList();
    }

    private List<Incident> shown(List<Long> ids, Viewer viewer) {
        List<Incident> incidents = ids.stream().map(this::load).flatMap(Optional::stream).filter(viewer::mayRead).toList();
        incidents.forEach(i -> accessLog.log(viewer, i.id(), Channel.LIST, true));
        return incidents;
    }

    /**
     * Marks an open action done with its outcome.
     *
     * @throws ActionClosedException     if it is already done or waived: nothing changes, and the
     *                                   attempt is appended to the audit chain
     * @throws IncidentRejectedException for a blank or over-long outcome
     */
    @Transactional(noRollbackFor = ActionClosedException.class)
    public Incident complete(long incidentId, long actionId, String outcome, String actor) {
        Incident done = close(incidentId, actionId, ActionStatus.DONE, "The outcome", outcome, MAX_OUTCOME, actor);
        // Other features act on what completing an action means (e.g. removal of internet access), in this transaction.
        done.actions().stream().filter(a -> a.id() == actionId).findFirst().ifPresent(a -> events.publishEvent(
                new IncidentActionCompleted(incidentId, a.columnId(),
                        done.subjects().stream().map(Incident.Subject::personId).toList(), actor)));
        return done;
    }

    /**
     * Waives an open action: the DSL decided it is not needed, and says why.
     *
     * @throws ActionClosedException     if it is already done or waived (attempt audited)
     * @throws IncidentRejectedException for a blank or over-long reason
     */
    @Transactional(noRollbackFor = ActionClosedException.class)
    public Incident waive(long incidentId, long actionId, String reason, String actor) {
        return close(incidentId, actionId, ActionStatus.WAIVED, "The reason", reason, MAX_REASON, actor);
    }

    /**
     * Records the DSL's decision not to make a referral the table requires, with the reason, as
     * KCSIE expects: its own outcome, distinct from waiving, kept on the record and its chronology.
     *
     * @throws ActionClosedException     if the action is already closed (attempt audited)
     * @throws IncidentRejectedException if the action is not a referral, or for a blank or
     *                                   over-long reason
     */
    @Transactional(noRollbackFor = ActionClosedException.class)
    public Incident decideNotToRefer(long incidentId, long actionId, String reason, String actor) {
        Incident incident = load(incidentId).orElseThrow(() -> new IncidentNotFoundException(incidentId));
        IncidentAction action = incident.actions().stream().filter(a -> a.id() == actionId).findFirst()
                .orElseThrow(() -> new IncidentNotFoundException(incidentId));
        if (!rules.isReferral(action.columnId())) {
            throw new IncidentRejectedException(List.of("\"" + action.columnText()
                    + "\" is not a referral: complete or waive it instead."));
        }
        return close(incidentId, actionId, ActionStatus.NOT_REFERRED, "The reason not to refer", reason, MAX_OUTCOME, actor);
    }

    /**
     * Moves a record between the behaviour and child-protection files, with the reason. A record on
     * the illegal-material path stays a child-protection record.
     *
     * @throws IncidentRejectedException for a blank or over-long reason, no change, or a record on
     *                                   the illegal path
     */
    @Transactional
    public Incident reclassify(long incidentId, RecordKind kind, String reason, String actor) {
        Incident incident = load(incidentId).orElseThrow(() -> new IncidentNotFoundException(incidentId));
        List<String> problems = new ArrayList<>();
        requireText(problems, "The reason", reason, MAX_REASON, true);
        if (kind == null) {
            problems.add("Choose behaviour / online safety or child protection.");
        } else if (kind == incident.recordKind()) {
            problems.add("It is already a " + incident.recordKind().label().toLowerCase(Locale.ROOT) + " record.");
        } else if (incident.illegalPath()) {
            problems.add("A record on the illegal-material path stays a child-protection record.");
        }
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        jdbc.sql("UPDATE incident SET record_kind = :kind WHERE id = :id").param("kind", kind.name()).param("id", incidentId)
                .update();
        audit.append(actor, "incident.reclassified", RecordAccessLog.INCIDENT, Long.toString(incidentId),
                json(Map.of("from", incident.recordKind().name(), "to", kind.name(), "reasonSha256", sha256(reason.strip()))));
        return load(incidentId).orElseThrow();
    }

    /**
     * Adds an action the category's row did not tick, from the columns of the same table.
     *
     * @throws IncidentRejectedException for an unknown column or a blank reason
     */
    @Transactional
    public Incident addAction(long incidentId, String columnId, String reason, String actor) {
        Incident incident = load(incidentId).orElseThrow(() -> new IncidentNotFoundException(incidentId));
        List<String> problems = new ArrayList<>();
        Optional<Column> column = categories.columns(incident.subjectType()).stream()
                .filter(c -> c.id().equals(columnId)).findFirst();
        if (column.isEmpty()) {
            problems.add("Choose an action from the school's " + incident.subjectType().label().toLowerCase(Locale.ROOT)
                    + " Actions / Sanctions table.");
        }
        requireText(problems, "The reason", reason, MAX_REASON, true);
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        long actionId = insertAction(incidentId, column.orElseThrow(), People.today(), reason.strip());
        audit.append(actor, "incident.action.added", RecordAccessLog.INCIDENT, Long.toString(incidentId),
                json(Map.of("actionId", actionId, "columnId", columnId, "reason", reason.strip())));
        return load(incidentId).orElseThrow();
    }

    private Incident close(long incidentId, long actionId, ActionStatus to, String what, String text, int max,
                           String actor) {
        ActionStatus status = jdbc.sql("SELECT status FROM incident_action WHERE id = :action AND incident_id = :id FOR UPDATE")
                .param("action", actionId).param("id", incidentId)
                .query((rs, n) -> ActionStatus.valueOf(rs.getString("status"))).optional()
                .orElseThrow(() -> new IncidentNotFoundException(incidentId));
        List<String> problems = new ArrayList<>();
        requireText(problems, what, text, max, true);
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        if (status != ActionStatus.OPEN) {
            LOG.warn("Refused: {} tried to {} action {} of incident {}, which is already {}", actor, to.verb(), actionId,
                    incidentId, status);
            audit.append(actor, "incident.action." + to.verb() + "-refused", RecordAccessLog.INCIDENT,
                    Long.toString(incidentId), json(Map.of("actionId", actionId, "status", status.name())));
            throw new ActionClosedException(actionId, status);
        }
        jdbc.sql("UPDATE incident_action SET status = :status, outcome = :outcome, closed_by = :actor, closed_at = :now "
                        + "WHERE id = :action AND status = 'OPEN'")
                .param("status", to.name()).param("outcome", text.strip()).param("actor", actor)
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("action", actionId).update();
        audit.append(actor, to.auditAction(), RecordAccessLog.INCIDENT, Long.toString(incidentId),
                json(Map.of("actionId", actionId, "textSha256", sha256(text.strip()))));
        return load(incidentId).orElseThrow();
    }

    long insertAction(long incidentId, Column column, LocalDate today, String addedReason) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incident_action (incident_id, column_id, column_text, owner_role, due_on, status, "
                        + "added_reason, created_at) VALUES (:id, :column, :text, :owner, :due, 'OPEN', :reason, :now)")
                .param("id", incidentId).param("column", column.id()).param("text", column.text())
                .param("owner", Role.DSL.name()).param("due", dueOn(column.id(), today)).param("reason", addedReason)
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** When an action recorded on {@code today} is due: configured school days (Mon–Fri), else calendar days. */
    public LocalDate dueOn(String columnId, LocalDate today) {
        Integer schoolDays = due.schoolDays().get(columnId);
        if (schoolDays == null) {
            return today.plusDays(due.defaultDays());
        }
        LocalDate day = today;
        for (int left = schoolDays; left > 0; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }

    Optional<Incident> load(long id) {
        return jdbc.sql("SELECT * FROM incident WHERE id = :id").param("id", id).query((rs, n) -> new Incident(
                        rs.getLong("id"), SubjectType.valueOf(rs.getString("subject_type")), rs.getString("category_id"),
                        rs.getString("category_text"), school(rs.getObject("occurred_at", OffsetDateTime.class)),
                        rs.getString("location"), rs.getString("description"), rs.getString("child_words"),
                        List.of(), List.of(), rs.getObject("recorded_by_account", Long.class), rs.getString("recorded_by"),
                        school(rs.getObject("recorded_at", OffsetDateTime.class)), List.of(),
                        RecordKind.valueOf(rs.getString("record_kind")), IncidentSource.valueOf(rs.getString("source")),
                        rs.getString("reporter_name"), rs.getString("reporter_address"), rs.getBoolean("illegal_path"),
                        List.of(), null))
                .optional().map(i -> new Incident(i.id(), i.subjectType(), i.categoryId(), i.categoryText(), i.occurredAt(),
                        i.location(), i.description(), i.childWords(), links(id), subjects(id), i.recordedByAccount(),
                        i.recordedBy(), i.recordedAt(), actions(id), i.recordKind(), i.source(), i.reporterName(),
                        i.reporterAddress(), i.illegalPath(), escalatedFrom(id),
                        i.illegalPath() ? investigation(id).orElse(null) : null));
    }

    private List<Long> escalatedFrom(long id) {
        return jdbc.sql("SELECT earlier_incident_id FROM incident_escalation WHERE incident_id = :id "
                + "ORDER BY earlier_incident_id").param("id", id).query(Long.class).list();
    }

    private Optional<Investigation> investigation(long id) {
        List<Investigation.Investigator> staff = jdbc.sql("SELECT account_id, username, role FROM incident_investigator "
                        + "WHERE incident_id = :id ORDER BY username").param("id", id)
                .query((rs, n) -> new Investigation.Investigator(rs.getLong("account_id"), rs.getString("username"),
                        rs.getString("role"))).list();
        return jdbc.sql("SELECT * FROM incident_investigation WHERE incident_id = :id").param("id", id)
                .query((rs, n) -> new Investigation(school(rs.getObject("monitoring_halted_at", OffsetDateTime.class)),
                        rs.getString("monitoring_halted_by"), rs.getString("designated_computer"), rs.getString("outcome"),
                        staff, rs.getString("closed_by"), school(rs.getObject("closed_at", OffsetDateTime.class))))
                .optional();
    }

    private List<String> links(long id) {
        return jdbc.sql("SELECT link FROM incident_link WHERE incident_id = :id ORDER BY position")
                .param("id", id).query(String.class).list();
    }

    private List<Incident.Subject> subjects(long id) {
        return jdbc.sql("SELECT person_id FROM incident_subject WHERE incident_id = :id ORDER BY person_id")
                .param("id", id).query(Long.class).list().stream()
                .map(p -> new Incident.Subject(p, people.find(p).map(Person::displayName).orElse("person " + p)))
                .toList();
    }

    private List<IncidentAction> actions(long id) {
        return jdbc.sql("SELECT * FROM incident_action WHERE incident_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> new IncidentAction(rs.getLong("id"), rs.getString("column_id"),
                        rs.getString("column_text"), rs.getString("owner_role"), rs.getObject("due_on", LocalDate.class),
                        ActionStatus.valueOf(rs.getString("status")), rs.getString("added_reason"),
                        rs.getString("outcome"), rs.getString("closed_by"),
                        school(rs.getObject("closed_at", OffsetDateTime.class)),
                        school(rs.getObject("created_at", OffsetDateTime.class))))
                .list();
    }

    private static OffsetDateTime school(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime();
    }

    static void requireText(List<String> problems, String what, String text, int max, boolean required) {
        if (required && (text == null || text.isBlank())) {
            problems.add(what + " must be given.");
        } else if (text != null && text.strip().length() > max) {
            problems.add(what + " must be at most " + max + " characters.");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String sha256(String text) {
        if (text == null) {
            return null;
        }
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
