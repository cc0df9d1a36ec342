package org.lantern.server.registers.consents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.registers.RegisterJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "never publish" flag: pupils who must not appear in anything the school publishes, whatever
 * their consents say (adopted or looked-after children, court orders). That a pupil is flagged,
 * and why, can say where a child is not to be found, so only holders of CONSENTS_NEVER_PUBLISH
 * (the DSL and deputies, the headteacher, and the office staff who keep consents) see it, and every
 * read of a pupil's flag is in the {@link RecordAccessLog} (record type {@value #RECORD_TYPE}).
 * Everyone else meets a flagged pupil only as "may not appear", like a pupil with no consent.
 */
@Service
public class NeverPublish {

    static final String RECORD_TYPE = "consent-never-publish";
    static final int MAX_NOTE = 500;

    private final JdbcClient jdbc;
    private final RecordAccessLog accessLog;
    private final AuditChain audit;

    NeverPublish(JdbcClient jdbc, RecordAccessLog accessLog, AuditChain audit) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.audit = audit;
    }

    /**
     * A pupil's flag.
     *
     * @param reason why
     * @param note   what the school keeps about it (no more than it needs)
     * @param setBy  who set it
     * @param setAt  when
     */
    public record Flag(NeverPublishReason reason, String note, String setBy, OffsetDateTime setAt) {
    }

    /** A pupil's flag, if any, read by {@code viewer}: logged in the record-access log. */
    @Transactional
    public Optional<Flag> read(long personId, Viewer viewer, Channel channel) {
        accessLog.log(viewer, RECORD_TYPE, personId, channel, true);
        return jdbc.sql("SELECT * FROM consent_never_publish WHERE person_id = :p").param("p", personId)
                .query((rs, n) -> new Flag(NeverPublishReason.valueOf(rs.getString("reason")), rs.getString("note"),
                        rs.getString("set_by"), rs.getObject("set_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * The flags of the pupils a list or an export shows, read by {@code viewer}: each flagged
     * pupil's read is logged, and no other pupil's.
     */
    @Transactional
    public Map<Long, Flag> readAmong(Set<Long> shown, Viewer viewer, Channel channel) {
        Map<Long, Flag> flags = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM consent_never_publish ORDER BY person_id").query(rs -> {
            if (shown.contains(rs.getLong("person_id"))) {
                flags.put(rs.getLong("person_id"), new Flag(NeverPublishReason.valueOf(rs.getString("reason")),
                        rs.getString("note"), rs.getString("set_by"), rs.getObject("set_at", OffsetDateTime.class)));
            }
        });
        flags.keySet().forEach(id -> accessLog.log(viewer, RECORD_TYPE, id, channel, true));
        return flags;
    }

    /**
     * Which pupils are flagged, for the register's own decisions (who may appear) and never shown as
     * a flag: a list built from it says only "may not appear".
     */
    Set<Long> flagged() {
        return new HashSet<>(jdbc.sql("SELECT person_id FROM consent_never_publish").query(Long.class).list());
    }

    /**
     * Sets (or changes) a pupil's flag.
     *
     * @throws ConsentException for no reason, or a note too long
     */
    @Transactional
    public void set(long personId, NeverPublishReason reason, String note, String actor) {
        String text = note == null ? "" : note.strip();
        if (reason == null) {
            throw ConsentException.of("Choose why the pupil must never appear.");
        }
        if (text.length() > MAX_NOTE) {
            throw ConsentException.of("The note is " + text.length() + " characters long; at most " + MAX_NOTE + ".");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        int changed = jdbc.sql("UPDATE consent_never_publish SET reason = :r, note = :n, set_by = :by, set_at = :at "
                        + "WHERE person_id = :p")
                .param("r", reason.name()).param("n", text).param("by", actor).param("at", now).param("p", personId)
                .update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO consent_never_publish (person_id, reason, note, set_by, set_at) "
                            + "VALUES (:p, :r, :n, :by, :at)")
                    .param("p", personId).param("r", reason.name()).param("n", text).param("by", actor).param("at", now)
                    .update();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("personId", personId);
        detail.put("reason", reason.name());
        audit.append(actor, "consent.never-publish-set", RECORD_TYPE, Long.toString(personId), RegisterJson.of(detail));
    }

    /** Lifts a pupil's flag; their consents apply again. */
    @Transactional
    public void clear(long personId, String actor) {
        if (jdbc.sql("DELETE FROM consent_never_publish WHERE person_id = :p").param("p", personId).update() == 0) {
            throw ConsentException.conflict("The pupil is not marked never to appear.");
        }
        audit.append(actor, "consent.never-publish-lifted", RECORD_TYPE, Long.toString(personId),
                RegisterJson.of(Map.of("personId", personId)));
    }
}
