package org.lantern.server.registers.consents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.registers.RegisterJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many days after a photo consent is withdrawn its takedown tasks are due: a school setting,
 * chosen on the takedown tasks page by those who keep consents, between {@value #MIN} and
 * {@value #MAX} days, a week ({@value #DEFAULT}) until anyone chooses. Each choice is kept
 * ({@code takedown_setting}, the newest in force) and appended to the audit chain; it applies to
 * tasks created after it, never moving the due date of a task already set.
 */
@Service
public class TakedownDays {

    static final String RECORD_TYPE = "takedown-setting";
    /** A week: long enough to reach a printed display or a newspaper's web desk, short enough to matter. */
    public static final int DEFAULT = 7;
    public static final int MIN = 1;
    /** Longer than half a term would leave an image up long after the family asked. */
    public static final int MAX = 60;

    private final JdbcClient jdbc;
    private final AuditChain audit;

    TakedownDays(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The days in force. */
    public int current() {
        return jdbc.sql("SELECT days FROM takedown_setting ORDER BY chosen_at DESC, id DESC LIMIT 1")
                .query(Integer.class).optional().orElse(DEFAULT);
    }

    /**
     * Reads the days as typed.
     *
     * @throws ConsentException (400) for anything but a whole number from {@value #MIN} to {@value #MAX}
     */
    static int parse(String days) {
        String typed = days == null ? "" : days.strip();
        int chosen;
        try {
            chosen = Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            throw ConsentException.of("The days to take an image down must be a whole number from " + MIN + " to "
                    + MAX + (typed.isEmpty() ? "." : ", not '" + typed + "'."));
        }
        if (chosen < MIN || chosen > MAX) {
            throw ConsentException.of("The days to take an image down must be from " + MIN + " to " + MAX + ", not "
                    + chosen + ".");
        }
        return chosen;
    }

    /**
     * Chooses the days for takedown tasks created from now on.
     *
     * @param days the days as typed
     * @throws ConsentException (400) for anything but a whole number from {@value #MIN} to {@value #MAX}; nothing changes
     */
    @Transactional
    public int choose(String days, String actor) {
        int chosen = parse(days);
        int before = current();
        jdbc.sql("INSERT INTO takedown_setting (days, chosen_by, chosen_at) VALUES (:days, :by, :at)")
                .param("days", chosen).param("by", actor)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", before);
        detail.put("to", chosen);
        audit.append(actor, "takedown.days-changed", RECORD_TYPE, "days", RegisterJson.of(detail));
        return chosen;
    }
}
