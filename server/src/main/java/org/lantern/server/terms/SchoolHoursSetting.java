package org.lantern.server.terms;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lantern.server.audit.AuditChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's setting of its weekdays and school-day hours, chosen on the term dates page by
 * those who keep the term dates (SCHOOL_CALENDAR_MANAGE). The newest choice is in force, read each
 * time it is needed, so the on-call list and the daily digest follow a change at once; until one
 * is made, the installation's {@link SchoolHoursProperties} give the starting value. Choices are
 * appended, never changed, so the table is the history of who chose what, when and why, and each
 * is also an entry of the audit chain ({@code term-dates.school-hours-chosen}). What is typed is
 * checked before anything is saved, every problem said at once.
 */
@Service
public class SchoolHoursSetting {

    /** The audit action of a change of the setting. */
    public static final String CHOSEN = "term-dates.school-hours-chosen";
    /** The audit record id of the setting, under {@link TermDates#RECORD}. */
    static final String RECORD_ID = "school-hours";
    private static final int MAX_REASON = 1_000;

    private final JdbcClient jdbc;
    private final SchoolHoursProperties defaults;
    private final AuditChain audit;

    SchoolHoursSetting(JdbcClient jdbc, SchoolHoursProperties defaults, AuditChain audit) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.audit = audit;
    }

    /** The days and hours in force now. */
    public SchoolHours current() {
        return jdbc.sql("SELECT days, starts_at, ends_at FROM school_hours_setting ORDER BY chosen_at DESC, id DESC"
                        + " LIMIT 1")
                .query((rs, n) -> hours(rs.getString(1), rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)))
                .optional().orElseGet(defaults::hours);
    }

    /** What the installation gives when no one has chosen. */
    public SchoolHours installationDefault() {
        return defaults.hours();
    }

    /**
     * Records the school's choice and audits it; the on-call list and digests follow it from now.
     *
     * @param days   the open weekdays, by name ({@code MONDAY} to {@code SUNDAY}, any case); at least one
     * @param start  when the school day starts, e.g. {@code 08:00}
     * @param end    when it ends, after the start
     * @param reason why, kept in the history; required
     * @throws TermDatesRejectedException saying what to correct; nothing is changed
     */
    @Transactional
    public SchoolHours choose(Collection<String> days, String start, String end, String reason, String actor) {
        List<String> problems = new ArrayList<>();
        Set<DayOfWeek> open = days(days, problems);
        LocalTime from = time(start, "Start of the school day", problems);
        LocalTime to = time(end, "End of the school day", problems);
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add("End of the school day: " + to + " is not after the start, " + from + ".");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add("Reason: say why the days or hours change.");
        } else if (why.length() > MAX_REASON) {
            problems.add("Reason: at most " + MAX_REASON + " characters.");
        }
        if (!problems.isEmpty()) {
            throw new TermDatesRejectedException(problems);
        }
        SchoolHours hours = new SchoolHours(open, from, to);
        jdbc.sql("INSERT INTO school_hours_setting (days, starts_at, ends_at, chosen_by, chosen_at, reason)"
                        + " VALUES (:days, :start, :end, :by, :at, :reason)")
                .param("days", names(hours.days())).param("start", from).param("end", to).param("by", actor)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("reason", why).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("days", names(hours.days()));
        detail.put("start", from.toString());
        detail.put("end", to.toString());
        audit.append(actor, CHOSEN, TermDates.RECORD, RECORD_ID, TermDates.json(detail));
        return hours;
    }

    /** The choices made, newest first. */
    public List<Choice> history() {
        return jdbc.sql("SELECT days, starts_at, ends_at, chosen_by, chosen_at, reason FROM school_hours_setting"
                        + " ORDER BY chosen_at DESC, id DESC")
                .query((rs, n) -> new Choice(hours(rs.getString(1), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class)), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)))
                .list();
    }

    /**
     * One choice of the setting.
     *
     * @param hours  what was chosen
     * @param by     who chose
     * @param at     when
     * @param reason why
     */
    public record Choice(SchoolHours hours, String by, Instant at, String reason) {
        /** @return what was chosen, in words, for the history table */
        public String chose() {
            return hours.label();
        }
    }

    private static Set<DayOfWeek> days(Collection<String> typed, List<String> problems) {
        Set<DayOfWeek> open = EnumSet.noneOf(DayOfWeek.class);
        for (String day : typed == null ? List.<String>of() : typed) {
            String d = day == null ? "" : day.strip();
            if (d.isEmpty()) {
                continue;
            }
            try {
                open.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add("Days: \"" + shortened(d) + "\" is not a day of the week; give MONDAY to SUNDAY.");
            }
        }
        if (open.isEmpty() && problems.isEmpty()) {
            problems.add("Days: choose at least one day of the week the school is open.");
        }
        return open;
    }

    private static LocalTime time(String typed, String field, List<String> problems) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            problems.add(field + ": give a time such as 08:00.");
            return null;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(field + ": \"" + shortened(t) + "\" is not a time; give one such as 08:00.");
            return null;
        }
    }

    private static String shortened(String typed) {
        return typed.length() > 40 ? typed.substring(0, 40) + "…" : typed;
    }

    private static String names(Set<DayOfWeek> days) {
        return EnumSet.copyOf(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static SchoolHours hours(String days, LocalTime start, LocalTime end) {
        return new SchoolHours(Arrays.stream(days.split(",")).map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))), start, end);
    }
}
