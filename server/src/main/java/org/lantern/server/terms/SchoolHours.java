package org.lantern.server.terms;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The weekdays the school opens and the hours of its day (school time), on the school days of
 * the {@link SchoolCalendar}: outside them a level-5 alert goes down the on-call list, and the
 * daily digest is sent only on those weekdays.
 *
 * @param days  the open weekdays, at least one
 * @param start when the school day starts
 * @param end   when it ends, after the start
 */
public record SchoolHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    /** Monday to Friday, 08:00 to 17:00: what an installation that sets nothing starts with. */
    public static final SchoolHours WEEKDAYS = new SchoolHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0), LocalTime.of(17, 0));
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    public SchoolHours {
        if (days.isEmpty() || !end.isAfter(start)) {
            throw new IllegalArgumentException("school hours need a weekday and an end after the start");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** The days and hours as pages say them, e.g. "Monday, Tuesday, Wednesday, Thursday, Friday, 08:00 to 17:00". */
    public String label() {
        return dayNames() + ", " + start.format(HOURS) + " to " + end.format(HOURS);
    }

    /** The days in week order, in words, e.g. "Monday, Tuesday, Wednesday, Thursday, Friday". */
    public String dayNames() {
        return EnumSet.copyOf(days).stream().map(d -> d.getDisplayName(TextStyle.FULL, Locale.UK))
                .collect(Collectors.joining(", "));
    }
}
