package org.lantern.server.registers.consents;

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

import org.lantern.server.audit.AuditChain;
import org.lantern.server.registers.RegisterJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takedown tasks (seed 000 §5: "staff must make every effort to remove/destroy these images
 * wherever they have been published"): one per publication a pupil appears in, created when their
 * consent for its use is withdrawn, owned by whoever looks after the publication, due the
 * school's {@link TakedownDays} after the withdrawal, and tracked until someone marks it done.
 */
@Service
public class Takedowns {

    static final String RECORD_TYPE = "takedown-task";
    static final int MAX_NOTE = 500;

    private final JdbcClient jdbc;
    private final AuditChain audit;
    private final TakedownDays days;

    Takedowns(JdbcClient jdbc, AuditChain audit, TakedownDays days) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.days = days;
    }

    /** The tasks for a withdrawn consent: one for each publication of its use the pupil appears in. */
    List<TakedownTask> createFor(Consent consent, LocalDate withdrawnOn, String actor) {
        List<Map<String, Object>> publications = jdbc.sql("SELECT p.id, p.owner FROM publication p "
                        + "JOIN publication_pupil pp ON pp.publication_id = p.id "
                        + "WHERE pp.person_id = :person AND p.use_kind = :use ORDER BY p.published_on, p.id")
                .param("person", consent.personId()).param("use", consent.use().name()).query().listOfRows();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<TakedownTask> tasks = new ArrayList<>();
        int daysToTakeDown = days.current();
        for (Map<String, Object> p : publications) {
            KeyHolder key = new GeneratedKeyHolder();
            long publication = ((Number) p.get("id")).longValue();
            LocalDate due = Withdrawals.takedownDue(withdrawnOn, daysToTakeDown);
            jdbc.sql("INSERT INTO takedown_task (consent_id, publication_id, person_id, withdrawn_on, owner, due_on, "
                            + "created_at) VALUES (:c, :pub, :person, :on, :owner, :due, :at)")
                    .param("c", consent.id()).param("pub", publication).param("person", consent.personId())
                    .param("on", withdrawnOn).param("owner", p.get("owner")).param("due", due).param("at", now)
                    .update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            audit.append(actor, "takedown.created", RECORD_TYPE, Long.toString(id), RegisterJson.of(Map.of(
                    "publicationId", publication, "personId", consent.personId(), "dueOn", due.toString())));
            tasks.add(get(id));
        }
        return tasks;
    }

    /**
     * Gives a publication's open tasks to its new owner, who now takes pupils out of it; done tasks
     * keep who was asked. The caller audits the change of owner.
     *
     * @return how many tasks moved
     */
    int reassignOpen(long publicationId, String owner) {
        return jdbc.sql("UPDATE takedown_task SET owner = :owner WHERE publication_id = :pub AND done_at IS NULL")
                .param("owner", owner).param("pub", publicationId).update();
    }

    /** The tasks, open first by due date, then done, newest first; only open ones when {@code openOnly}. */
    public List<TakedownTask> list(boolean openOnly) {
        return jdbc.sql(SELECT + (openOnly ? " WHERE t.done_at IS NULL" : "")
                        + " ORDER BY CASE WHEN t.done_at IS NULL THEN 0 ELSE 1 END, t.due_on, t.id")
                .query(Takedowns::map).list();
    }

    /** A pupil's tasks, newest first. */
    public List<TakedownTask> of(long personId) {
        return jdbc.sql(SELECT + " WHERE t.person_id = :p ORDER BY t.id DESC").param("p", personId)
                .query(Takedowns::map).list();
    }

    /**
     * Marks a task done.
     *
     * @throws ConsentNotFoundException for no such task
     * @throws ConsentException         (409) for a task already done; (400) for a note too long
     */
    @Transactional
    public TakedownTask done(long id, String note, String actor) {
        TakedownTask task = jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(Takedowns::map).optional()
                .orElseThrow(() -> new ConsentNotFoundException("There is no takedown task " + id + "."));
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw ConsentException.of("The note is " + text.length() + " characters long; at most " + MAX_NOTE + ".");
        }
        int changed = jdbc.sql("UPDATE takedown_task SET done_at = :at, done_by = :by, done_note = :note "
                        + "WHERE id = :id AND done_at IS NULL")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)).param("by", actor)
                .param("note", text.isEmpty() ? null : text).param("id", id).update();
        if (changed == 0) {
            throw ConsentException.conflict("Taking " + task.pupilName() + " out of \"" + task.title()
                    + "\" was already marked done by " + task.doneBy() + ".");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("publicationId", task.publicationId());
        detail.put("personId", task.personId());
        audit.append(actor, "takedown.done", RECORD_TYPE, Long.toString(id), RegisterJson.of(detail));
        return get(id);
    }

    /**
     * Marks done the open tasks to take a pupil out of a publication whose record no longer names
     * them: taking them out of it is what the task asked, so it is not left open to be done twice.
     *
     * @return how many were open
     */
    int doneByRemoval(long publicationId, long personId, String actor) {
        List<Long> open = jdbc.sql("SELECT id FROM takedown_task WHERE publication_id = :pub AND person_id = :p "
                        + "AND done_at IS NULL").param("pub", publicationId).param("p", personId).query(Long.class).list();
        for (long id : open) {
            done(id, "Taken out of the publication when its record was changed.", actor);
        }
        return open.size();
    }

    private TakedownTask get(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(Takedowns::map).single();
    }

    private static final String SELECT = "SELECT t.*, p.title, p.location, p.use_kind, "
            + "COALESCE(NULLIF(pe.preferred_first_name, ''), pe.legal_first_name) AS first_name, pe.legal_last_name "
            + "FROM takedown_task t JOIN publication p ON p.id = t.publication_id JOIN person pe ON pe.id = t.person_id";

    private static TakedownTask map(ResultSet rs, int row) throws SQLException {
        return new TakedownTask(rs.getLong("id"), rs.getLong("consent_id"), rs.getLong("publication_id"),
                rs.getString("title"), rs.getString("location"), PhotoUse.valueOf(rs.getString("use_kind")),
                rs.getLong("person_id"), rs.getString("first_name") + " " + rs.getString("legal_last_name"),
                rs.getObject("withdrawn_on", LocalDate.class), rs.getString("owner"),
                rs.getObject("due_on", LocalDate.class), rs.getObject("done_at", OffsetDateTime.class),
                rs.getString("done_by"), rs.getString("done_note"));
    }
}
