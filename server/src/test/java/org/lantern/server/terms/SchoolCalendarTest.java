package org.lantern.server.terms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which days pupils are in school, with fixed dates from an English school year: weekends, the
 * half-term, an INSET day and a bank holiday are not school days; the first and last days of a
 * term are; the holidays between terms and the days after the last term entered are not. Without
 * terms only the days of the week count. The hours, and the changes of clock, are tested with
 * delivery ({@code DeliveryScheduleTest}), which turns these days into out-of-hours moments.
 */
class SchoolCalendarTest {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final SchoolCalendar YEAR = new SchoolCalendar(List.of(
            // Out of order on purpose: the calendar sorts them.
            new SchoolTerm(2, "Spring term", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 25),
                    LocalDate.of(2027, 2, 15), LocalDate.of(2027, 2, 19)),
            new SchoolTerm(1, "Autumn term", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 18),
                    LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30))),
            List.of(new SchoolClosure(1, SchoolClosure.Kind.INSET, "Staff training", LocalDate.of(2026, 9, 1),
                            LocalDate.of(2026, 9, 2)),
                    new SchoolClosure(2, SchoolClosure.Kind.HOLIDAY, "Polling day", LocalDate.of(2027, 3, 4),
                            LocalDate.of(2027, 3, 4))));

    @ParameterizedTest(name = "{0}: school day {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "2026-09-01|false|INSET day: Staff training",              // the first day of term is an INSET day
            "2026-09-02|false|INSET day: Staff training",              // and so is the second
            "2026-09-03|true|",                                         // pupils' first day
            "2026-09-05|false|Saturday: not a school day of the week",  // a weekend in term
            "2026-09-06|false|Sunday: not a school day of the week",
            "2026-10-23|true|",                                         // the Friday before half-term
            "2026-10-26|false|half-term of the Autumn term",            // the half-term's first day
            "2026-10-30|false|half-term of the Autumn term",            // its last
            "2026-11-02|true|",                                         // back after it
            "2026-12-18|true|",                                         // the last day of term
            "2026-12-21|false|school holiday (outside the terms)",      // the Christmas holiday
            "2027-01-04|true|",                                         // the first day of the spring term
            "2027-02-17|false|half-term of the Spring term",
            "2027-03-04|false|Holiday or closure: Polling day",         // a closure in term
            "2027-03-25|true|",                                         // the spring term's last day
            "2027-03-26|false|school holiday (outside the terms)",      // the day after the last term entered
            "2027-09-06|false|school holiday (outside the terms)"})     // next year, not entered yet
    void pupilsAreInOnTermWeekdaysOutsideHalfTermsAndClosures(LocalDate day, boolean schoolDay, String why) {
        assertThat(YEAR.schoolDay(day, WEEKDAYS)).isEqualTo(schoolDay);
        assertThat(YEAR.closedBecause(day, WEEKDAYS).orElse(null)).isEqualTo(why);
    }

    @ParameterizedTest(name = "{0}: school day {1}")
    @CsvSource({"2026-12-21, true", "2026-08-03, true", "2026-12-19, false", "2026-12-20, false"})
    void withoutTermsOnlyTheDaysOfTheWeekCount(LocalDate day, boolean schoolDay) {
        assertThat(SchoolCalendar.NONE.kept()).isFalse();
        assertThat(SchoolCalendar.NONE.schoolDay(day, WEEKDAYS)).isEqualTo(schoolDay);
    }

    @Test
    void theCalendarSaysWhereADayFallsAndWhenItsLastTermEnds() {
        assertThat(YEAR.terms()).extracting(SchoolTerm::name).containsExactly("Autumn term", "Spring term");
        assertThat(YEAR.describe(LocalDate.of(2026, 12, 7))).isEqualTo("in the Autumn term");
        assertThat(YEAR.describe(LocalDate.of(2026, 10, 27))).isEqualTo("in the half-term of the Autumn term");
        assertThat(YEAR.describe(LocalDate.of(2026, 9, 1))).isEqualTo("in the Autumn term, but closed: INSET day (Staff training)");
        assertThat(YEAR.describe(LocalDate.of(2026, 8, 1))).isEqualTo("in the school holidays (outside the terms)");
        assertThat(YEAR.lastTermDay()).contains(LocalDate.of(2027, 3, 25));
        assertThat(SchoolCalendar.NONE.lastTermDay()).isEmpty();
    }
}
