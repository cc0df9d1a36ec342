package org.lantern.server.retention;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.audit.AuditChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.lantern.server.retention.RetentionService.json;
import static org.lantern.server.retention.RetentionService.requireReason;
import static org.lantern.server.retention.RetentionService.school;
import static org.lantern.server.retention.RetentionService.sha256;

/**
 * Legal holds: a hold on an incident, or on a person (every incident naming them, their directory
 * entry and the alerts about them), stops their deletion until it is lifted, whatever the review
 * list says. Placing and lifting need a reason and are entries of the audit chain, the reason by
 * SHA-256 only.
 */
@Service
public class LegalHolds {

    /**
     * The people a hold in force covers: those held themselves, and everyone an incident under a
     * hold names. SQL, for the rules that keep their rows.
     */
    static final String HELD_PEOPLE = "SELECT target_id FROM legal_hold WHERE lifted_at IS NULL "
            + "AND target_type = 'PERSON' UNION SELECT s.person_id FROM legal_hold h "
            + "JOIN incident_subject s ON s.incident_id = h.target_id "
            + "WHERE h.lifted_at IS NULL AND h.target_type = 'INCIDENT'";

    private final JdbcClient jdbc;
    private final AuditChain audit;

    LegalHolds(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * A legal hold.
     *
     * @param id         its id
     * @param targetType INCIDENT or PERSON
     * @param targetId   the incident's or person's id
     * @param reason     why it is held
     * @param placedBy   who placed it
     * @param placedAt   when
     */
    public record Hold(long id, String targetType, long targetId, String reason, String placedBy, OffsetDateTime placedAt) {
    }

    /** The legal holds in force, newest first. */
    public List<Hold> inForce() {
        return jdbc.sql("SELECT * FROM legal_hold WHERE lifted_at IS NULL ORDER BY id DESC")
                .query((rs, n) -> new Hold(rs.getLong("id"), rs.getString("target_type"), rs.getLong("target_id"),
                        rs.getString("reason"), rs.getString("placed_by"),
                        school(rs.getObject("placed_at", OffsetDateTime.class))))
                .list();
    }

    /**
     * Places a legal hold on an incident or on everything about a person.
     *
     * @throws RetentionRejectedException for an unknown target or a blank reason
     */
    @Transactional
    public Hold place(String targetType, long targetId, String reason, String actor) {
        String type = targetType == null ? "" : targetType.strip().toUpperCase(Locale.ROOT);
        String table = switch (type) {
            case "INCIDENT" -> "incident";
            case "PERSON" -> "person";
            default -> throw new RetentionRejectedException("A legal hold is on an incident or a person.");
        };
        requireReason(reason);
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = :id").param("id", targetId)
                .query(Long.class).single() > 0;
        if (!exists) {
            throw new RetentionRejectedException("There is no " + table + " " + targetId + ".");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO legal_hold (target_type, target_id, reason, placed_by, placed_at) "
                        + "VALUES (:type, :id, :reason, :actor, :now)")
                .param("type", type).param("id", targetId).param("reason", reason.strip()).param("actor", actor)
                .param("now", now).update();
        long id = jdbc.sql("SELECT MAX(id) FROM legal_hold WHERE target_type = :type AND target_id = :id")
                .param("type", type).param("id", targetId).query(Long.class).single();
        audit.append(actor, "retention.hold-placed", table, Long.toString(targetId),
                json(Map.of("holdId", id, "reasonSha256", sha256(reason.strip()))));
        return new Hold(id, type, targetId, reason.strip(), actor, school(now));
    }

    /**
     * Lifts a legal hold, saying why.
     *
     * @throws RetentionNotFoundException when there is no such hold
     * @throws RetentionRejectedException for a hold already lifted or a blank reason
     */
    @Transactional
    public void lift(long holdId, String reason, String actor) {
        if (jdbc.sql("SELECT COUNT(*) FROM legal_hold WHERE id = :id").param("id", holdId).query(Long.class).single() == 0) {
            throw new RetentionNotFoundException("legal hold", holdId);
        }
        Hold hold = inForce().stream().filter(h -> h.id() == holdId).findFirst()
                .orElseThrow(() -> new RetentionRejectedException("That legal hold is not in force."));
        requireReason(reason);
        jdbc.sql("UPDATE legal_hold SET lifted_by = :actor, lifted_at = :now, lift_reason = :reason WHERE id = :id")
                .param("actor", actor).param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("reason", reason.strip())
                .param("id", holdId).update();
        audit.append(actor, "retention.hold-lifted", hold.targetType().toLowerCase(Locale.ROOT),
                Long.toString(hold.targetId()), json(Map.of("holdId", holdId, "reasonSha256", sha256(reason.strip()))));
    }

    /** The hold in force that stops deletion of this record, if any. */
    Optional<Hold> heldBy(RecordType type, String key) {
        List<Hold> holds = inForce();
        if (holds.isEmpty() || type.batch()) {
            return Optional.empty();
        }
        long id = Long.parseLong(key);
        if (type == RecordType.LEAVER) {
            return holds.stream().filter(h -> h.targetType().equals("PERSON") && h.targetId() == id).findFirst();
        }
        List<Long> subjects = jdbc.sql("SELECT person_id FROM incident_subject WHERE incident_id = :id")
                .param("id", id).query(Long.class).list();
        return holds.stream().filter(h -> (h.targetType().equals("INCIDENT") && h.targetId() == id)
                || (h.targetType().equals("PERSON") && subjects.contains(h.targetId()))).findFirst();
    }

}
