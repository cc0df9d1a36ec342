package org.lantern.server.alerts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.terms.SchoolCalendar;
import org.lantern.server.terms.SchoolHours;
import org.lantern.server.terms.SchoolHoursSetting;
import org.lantern.server.terms.TermDates;
import org.springframework.stereotype.Component;

/**
 * When pupils are in school, for delivery: the school's weekdays and hours
 * ({@link SchoolHoursSetting}) on the days the school's {@link TermDates term dates} say are school
 * days. Weekends, half-terms, holidays between terms and INSET days are out of hours all day, so a
 * level-5 alert then goes down the on-call list, and the daily digest waits for the next school
 * day. Both are read from the database each time, so a change on the term dates page counts at
 * once. School time is Europe/London, so the hours keep to the clock on the wall through the
 * changes to and from summer time.
 */
@Component
class OutOfHours {

    private final SchoolHoursSetting hours;
    private final TermDates terms;

    OutOfHours(SchoolHoursSetting hours, TermDates terms) {
        this.hours = hours;
        this.terms = terms;
    }

    /** Whether {@code at} falls outside school hours. */
    boolean includes(Instant at) {
        return includes(at, hours.current(), terms.calendar());
    }

    /** The calendar in force now, for checking many days at once. */
    SchoolCalendar calendar() {
        return terms.calendar();
    }

    /** The open weekdays in force now. */
    Set<DayOfWeek> openDays() {
        return hours.current().days();
    }

    /** Whether {@code at} falls outside the hours on a school day of the calendar. */
    static boolean includes(Instant at, SchoolHours hours, SchoolCalendar calendar) {
        ZonedDateTime local = at.atZone(SchoolTime.ZONE);
        LocalTime time = local.toLocalTime();
        return !calendar.schoolDay(local.toLocalDate(), hours.days()) || time.isBefore(hours.start())
                || !time.isBefore(hours.end());
    }
}
