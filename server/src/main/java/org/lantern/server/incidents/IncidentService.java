package org.lantern.server.incidents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.server.audit.AuditChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident records' front door: recording a concern or misuse ({@link IncidentRecorder}),
 * working its actions ({@link IncidentActions}), reading records as the viewer may (every look
 * logged) and moving a record between the behaviour and child-protection files. Every change is
 * appended to the {@link AuditChain} in the same transaction.
 */
@Service
public class IncidentService {

    static final int MAX_TEXT = 10_000;
    static final int MAX_LOCATION = 200;
    static final int MAX_REASON = 500;
    static final int MAX_OUTCOME = 5_000;
    static final int MAX_LINK = 2_000;
    static final int MAX_LINKS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final IncidentRecorder recorder;
    private final IncidentActions actions;
    private final AuditChain audit;
    private final RecordAccessLog accessLog;

    IncidentService(JdbcClient jdbc, IncidentStore store, IncidentRecorder recorder, IncidentActions actions,
                    AuditChain audit, RecordAccessLog accessLog) {
        this.jdbc = jdbc;
        this.store = store;
        this.recorder = recorder;
        this.actions = actions;
        this.audit = audit;
        this.accessLog = accessLog;
    }

    /**
     * Records a concern or misuse with the actions its category brings, each for the person it
     * concerns. A further incident for the same misuser within the escalation period also gets the
     * actions of the table's "Continued infringements" row; an incident that concerns illegal
     * material enters the illegal path (a child-protection record, monitoring of the item halted,
     * an investigation to close).
     *
     * @throws IncidentRejectedException naming every problem; nothing is stored
     */
    public Incident record(NewIncident in, Viewer recorder) {
        return this.recorder.record(in, recorder);
    }

    /**
     * The incident if this viewer may read it, logging the look either way. Empty both when it
     * does not exist and when it is someone else's record, so the answer never confirms it exists.
     */
    @Transactional
    public Optional<Incident> read(long id, Viewer viewer, Channel channel) {
        Optional<Incident> incident = store.load(id).filter(viewer::mayRead);
        accessLog.log(viewer, id, channel, incident.isPresent());
        return incident;
    }

    /**
     * A part of the incident (e.g. one of its evidence items) if this viewer may read the incident
     * and {@code part} finds it there. The look at the incident is logged as allowed only when the
     * part is found, since only then is anything of the incident shown; as denied when the viewer
     * may not read the incident; and not at all when the incident is readable but the part is not
     * in it ({@code part} logs the look at what was asked for).
     */
    @Transactional
    public <T> Optional<T> readPart(long id, Viewer viewer, Channel channel, Function<Incident, Optional<T>> part) {
        Optional<Incident> incident = store.load(id).filter(viewer::mayRead);
        if (incident.isEmpty()) {
            accessLog.log(viewer, id, channel, false);
            return Optional.empty();
        }
        Optional<T> found = part.apply(incident.get());
        found.ifPresent(shown -> accessLog.log(viewer, id, channel, true));
        return found;
    }

    /**
     * The incident, for a request about one of its actions: empty (and no look logged as allowed)
     * when the viewer may not read it or it does not hold the action, as {@link #readPart} says.
     */
    @Transactional
    public Optional<Incident> readWithAction(long id, long actionId, Viewer viewer, Channel channel) {
        return readPart(id, viewer, channel, incident -> incident.actions().stream().anyMatch(a -> a.id() == actionId)
                ? Optional.of(incident) : Optional.empty());
    }

    /**
     * The behaviour records this viewer may read, newest first; each one shown is logged as a
     * look. Child-protection records are never in this list, even for the DSL: they are listed
     * apart ({@link #listChildProtection}).
     */
    @Transactional
    public List<Incident> list(Viewer viewer) {
        return list(viewer, Optional::of);
    }

    /**
     * The behaviour records this viewer may read that a list shows, newest first, each as its row;
     * only the records shown are logged as looks, so a filtered list does not record a look at
     * every record the filter left out.
     *
     * @param shownAs a record's row, or empty when the list's filter leaves it out
     */
    @Transactional
    public <T> List<T> list(Viewer viewer, Function<Incident, Optional<T>> shownAs) {
        List<Long> ids = jdbc.sql("SELECT id FROM incident WHERE record_kind = 'BEHAVIOUR' "
                        + "AND (:all OR recorded_by_account = :account) ORDER BY occurred_at DESC, id DESC")
                .param("all", viewer.readAll()).param("account", viewer.accountId()).query(Long.class).list();
        return shown(ids, viewer, shownAs);
    }

    /** The child-protection records, newest first, for a viewer who may read them; each one shown is logged. */
    @Transactional
    public List<Incident> listChildProtection(Viewer viewer) {
        return listChildProtection(viewer, Optional::of);
    }

    /** As {@link #list(Viewer, Function)}, for the child-protection records and a viewer who may read them. */
    @Transactional
    public <T> List<T> listChildProtection(Viewer viewer, Function<Incident, Optional<T>> shownAs) {
        if (!viewer.childProtection()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("SELECT id FROM incident WHERE record_kind = 'CHILD_PROTECTION' "
                + "ORDER BY occurred_at DESC, id DESC").query(Long.class).list();
        return shown(ids, viewer, shownAs);
    }

    /** Every incident naming this person, in any role, that the viewer may read, oldest first, without logging. */
    List<Incident> about(long personId, Viewer viewer) {
        return store.naming(personId).stream().map(store::load).flatMap(Optional::stream).filter(viewer::mayRead).toList();
    }

    private <T> List<T> shown(List<Long> ids, Viewer viewer, Function<Incident, Optional<T>> shownAs) {
        List<T> rows = new ArrayList<>();
        ids.stream().map(store::load).flatMap(Optional::stream).filter(viewer::mayRead).forEach(i ->
                shownAs.apply(i).ifPresent(row -> {
                    accessLog.log(viewer, i.id(), Channel.LIST, true);
                    rows.add(row);
                }));
        return rows;
    }

    /**
     * Marks an open action done with its outcome. Completing a sanction acts on the misusers it
     * concerns (a removal of internet access suspends them), never on a child at risk.
     *
     * @throws ActionClosedException     if it is already done or waived: nothing changes, and the
     *                                   attempt is appended to the audit chain
     * @throws IncidentRejectedException for a blank or over-long outcome
     */
    public Incident complete(long incidentId, long actionId, String outcome, String actor) {
        return actions.complete(incidentId, actionId, outcome, actor);
    }

    /**
     * Waives an open action: the DSL decided it is not needed, and says why.
     *
     * @throws ActionClosedException     if it is already done or waived (attempt audited)
     * @throws IncidentRejectedException for a blank or over-long reason
     */
    public Incident waive(long incidentId, long actionId, String reason, String actor) {
        return actions.waive(incidentId, actionId, reason, actor);
    }

    /**
     * Records the DSL's decision not to make a referral the table requires, with the reason, as
     * KCSIE expects: its own outcome, distinct from waiving, kept on the record and its chronology.
     *
     * @throws ActionClosedException     if the action is already closed (attempt audited)
     * @throws IncidentRejectedException if the action is not a referral, or for a blank or
     *                                   over-long reason
     */
    public Incident decideNotToRefer(long incidentId, long actionId, String reason, String actor) {
        return actions.decideNotToRefer(incidentId, actionId, reason, actor);
    }

    /**
     * Adds an action the category did not bring, for the record as a whole.
     *
     * @throws IncidentRejectedException for an unknown column or a blank reason
     */
    public Incident addAction(long incidentId, String columnId, String reason, String actor) {
        return actions.add(incidentId, columnId, null, reason, actor);
    }

    /**
     * Adds an action the category did not bring for one person on the record: a sanction for a
     * misuser, a safeguarding step for a child at risk.
     *
     * @throws IncidentRejectedException for an unknown column, a person not on the record or in the
     *                                   wrong role (never a sanction for a child at risk), or a blank reason
     */
    public Incident addAction(long incidentId, String columnId, Long personId, String reason, String actor) {
        return actions.add(incidentId, columnId, personId, reason, actor);
    }

    /**
     * Moves a record between the behaviour and child-protection files, with the reason. Raising a
     * record to child protection is open to anyone who may read it; lowering it back is for the DSL
     * and deputies alone ({@link Viewer#childProtection()}). A record on the illegal-material path
     * stays a child-protection record.
     *
     * @throws IncidentRejectedException for a blank or over-long reason, no change, a lowering by
     *                                   someone else, or a record on the illegal path
     */
    @Transactional
    public Incident reclassify(long incidentId, RecordKind kind, String reason, Viewer actor) {
        Incident incident = store.load(incidentId).orElseThrow(() -> new IncidentNotFoundException(incidentId));
        List<String> problems = new ArrayList<>();
        boolean lowering = kind == RecordKind.BEHAVIOUR && incident.recordKind() == RecordKind.CHILD_PROTECTION;
        requireText(problems, "The reason", reason, MAX_REASON, lowering || kind == null);
        if (kind == null) {
            problems.add("Choose behaviour / online safety or child protection.");
        } else if (kind == incident.recordKind()) {
            problems.add("It is already a " + incident.recordKind().label().toLowerCase(Locale.ROOT) + " record.");
        } else if (incident.illegalPath()) {
            problems.add("A record on the illegal-material path stays a child-protection record.");
        } else if (lowering && !actor.childProtection()) {
            problems.add("Only the DSL or a deputy may move a child-protection record back to behaviour.");
        }
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        jdbc.sql("UPDATE incident SET record_kind = :kind WHERE id = :id").param("kind", kind.name()).param("id", incidentId)
                .update();
        String why = blankToNull(reason);
        audit.append(actor.username(), "incident.reclassified", RecordAccessLog.INCIDENT, Long.toString(incidentId),
                json(Map.of("from", incident.recordKind().name(), "to", kind.name(),
                        "direction", lowering ? "lowered" : "raised", "reasonSha256", why == null ? "" : sha256(why))));
        return store.load(incidentId).orElseThrow();
    }

    /** When an action recorded on {@code today} is due: configured school days (Mon–Fri), else calendar days. */
    public LocalDate dueOn(String columnId, LocalDate today) {
        return actions.dueOn(columnId, today);
    }

    Optional<Incident> load(long id) {
        return store.load(id);
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
