package org.lantern.server.registers.due;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.registers.RegisterException;
import org.lantern.server.registers.RegisterJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the weekly "due this month" email goes: a day of the week and an hour, school time. A school
 * setting, chosen on the "due this month" page by those who keep the registers (DUE_MAIL_MANAGE);
 * until anyone chooses, the starting value from {@code lantern.registers.due-mail.day} and
 * {@code .hour} (Monday at 7). Each choice is kept ({@code due_mail_setting}, the newest in force) and
 * appended to the audit chain. {@link WeeklyDueMail} reads it each time it looks, so a change applies
 * from its next look, on every server.
 */
@Service
public class DueMailTime {

    static final String RECORD_TYPE = "due-mail-setting";

    /**
     * A day and hour, and who chose it.
     *
     * @param day      the day of the week
     * @param hour     the hour, 0 to 23, school time
     * @param chosenBy who chose it, or null for the starting value from the properties
     * @param chosenAt when, or null for the starting value
     */
    public record Setting(DayOfWeek day, int hour, String chosenBy, OffsetDateTime chosenAt) {

        /** "Monday at 07:00". */
        public String label() {
            return dayName(day) + " at " + String.format(Locale.ROOT, "%02d:00", hour);
        }

        /** When it was chosen, e.g. "3 Mar 2026 09:00" in school time; empty for the starting value. */
        public String chosenWhen() {
            return SchoolTime.when(chosenAt);
        }
    }

    private final JdbcClient jdbc;
    private final AuditChain audit;
    private final Setting starting;

    DueMailTime(JdbcClient jdbc, AuditChain audit, @Value("${lantern.registers.due-mail.day:MONDAY}") DayOfWeek day,
                @Value("${lantern.registers.due-mail.hour:7}") int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("lantern.registers.due-mail.hour must be from 0 to 23, not " + hour);
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.starting = new Setting(day, hour, null, null);
    }

    /** The day and hour in force. */
    public Setting current() {
        return jdbc.sql("SELECT send_day, send_hour, chosen_by, chosen_at FROM due_mail_setting "
                        + "ORDER BY chosen_at DESC, id DESC LIMIT 1")
                .query((rs, n) -> new Setting(DayOfWeek.valueOf(rs.getString("send_day")), rs.getInt("send_hour"),
                        rs.getString("chosen_by"), rs.getObject("chosen_at", OffsetDateTime.class)))
                .optional().orElse(starting);
    }

    /**
     * Chooses when the email goes from now on.
     *
     * @param day  a day's name as the form sends it ("MONDAY")
     * @param hour the hour as typed
     * @throws RegisterException (400) for a day that is not one or an hour that is not a whole number
     *                           from 0 to 23, every problem at once; nothing changes
     */
    @Transactional
    public Setting choose(String day, String hour, String actor) {
        List<String> problems = new ArrayList<>();
        DayOfWeek chosenDay = null;
        try {
            chosenDay = DayOfWeek.valueOf(day == null ? "" : day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("Choose a day of the week for the email.");
        }
        String typed = hour == null ? "" : hour.strip();
        int chosenHour = -1;
        try {
            chosenHour = Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            // reported below with the typed text
        }
        if (chosenHour < 0 || chosenHour > 23) {
            problems.add("The hour must be a whole number from 0 to 23" + (typed.isEmpty() ? "." : ", not '" + typed + "'."));
        }
        RegisterException.refuseIfAny(problems);
        Setting before = current();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("INSERT INTO due_mail_setting (send_day, send_hour, chosen_by, chosen_at) VALUES (:day, :hour, :by, :at)")
                .param("day", chosenDay.name()).param("hour", chosenHour).param("by", actor).param("at", at).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", before.day() + " " + before.hour());
        detail.put("to", chosenDay + " " + chosenHour);
        audit.append(actor, "due-mail.time-changed", RECORD_TYPE, "time", RegisterJson.of(detail));
        return new Setting(chosenDay, chosenHour, actor, at);
    }

    /** Every day's name as the form shows it, keyed by the name the form sends, Monday first. */
    public static Map<String, String> days() {
        Map<String, String> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name(), dayName(day));
        }
        return days;
    }

    /** "Monday". */
    static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
