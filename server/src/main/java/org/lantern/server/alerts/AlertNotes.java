package org.lantern.server.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lantern.server.audit.AuditChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notes on alerts: appended with their author and time, never edited or removed, each an
 * entry of the audit chain (the text by SHA-256 only, so the chain holds no second copy of what
 * may be sensitive). Text is kept exactly as typed, markup included, and every page shows it as
 * text. Reading notes is part of reading their alert, whose look is logged there.
 */
@Component
class AlertNotes {

    static final int MAX = 2000;

    private final JdbcClient jdbc;
    private final AuditChain audit;

    AlertNotes(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * The note as it will be stored: stripped of surrounding space.
     *
     * @throws AlertRejectedException when it is empty or longer than {@link #MAX}
     */
    static String checked(String text, String missing) {
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            throw new AlertRejectedException(missing);
        }
        if (note.length() > MAX) {
            throw new AlertRejectedException("A note can be at most " + MAX + " characters; this one has "
                    + note.length() + ".");
        }
        if (note.indexOf('\0') >= 0) {
            throw new AlertRejectedException("The note contains a NUL character; type it again without it.");
        }
        return note;
    }

    /** Appends a note already {@link #checked}; the caller's transaction holds the alert. */
    void append(long alertId, String note, String author) {
        jdbc.sql("INSERT INTO alert_note (alert_id, written_at, author, body) VALUES (:alert, :at, :author, :body)")
                .param("alert", alertId).param("at", AlertRegister.utc(Instant.now())).param("author", author)
                .param("body", note).update();
        audit.append(author, "alert.noted", AlertAccessLog.ALERT, Long.toString(alertId),
                AlertRegister.json(Map.of("noteSha256", AlertRegister.sha256(note))));
    }

    /** The notes on an alert, oldest first. */
    List<AlertNote> on(long alertId) {
        return jdbc.sql("SELECT id, alert_id, written_at, author, body FROM alert_note WHERE alert_id = :alert ORDER BY id")
                .param("alert", alertId)
                .query((rs, n) -> new AlertNote(rs.getLong("id"), rs.getLong("alert_id"),
                        AlertRegister.instant(rs, "written_at"), rs.getString("author"), rs.getString("body")))
                .list();
    }
}
