package org.lantern.server.alerts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.alerts.AlertDigest.Span;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.terms.SchoolCalendar;
import org.lantern.server.terms.SchoolClosure;
import org.lantern.server.terms.SchoolHours;
import org.lantern.server.terms.SchoolHoursProperties;
import org.lantern.server.terms.SchoolTerm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When delivery happens: which moments are outside school hours (so a level-5 alert goes down the
 * on-call list), with and without the school's term dates and across the changes to and from
 * summer time, and which days a digest sent at a given moment covers (so a server that was down at
 * the send time catches up with the latest period, not before its time, and the first school day
 * after a weekend or holiday gathers it).
 */
class DeliveryScheduleTest {

    /** What an installation that sets nothing starts with. */
    private static final SchoolHours DEFAULTS = new SchoolHoursProperties(null, null, null).hours();
    /** Autumn 2026 with its half-term and an INSET day; spring 2027 running over the change to summer time. */
    private static final SchoolCalendar TERMS = new SchoolCalendar(List.of(
            new SchoolTerm(1, "Autumn term", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 18),
                    LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30)),
            new SchoolTerm(2, "Spring term", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 4, 1), null, null)),
            List.of(new SchoolClosure(1, SchoolClosure.Kind.INSET, "Staff training", LocalDate.of(2027, 1, 4),
                    LocalDate.of(2027, 1, 4))));

    private static boolean outside(String local, SchoolCalendar calendar) {
        return OutOfHours.includes(LocalDateTime.parse(local).atZone(SchoolTime.ZONE).toInstant(),
                DEFAULTS, calendar);
    }

    @ParameterizedTest(name = "{0} (school time) outside school hours: {1}")
    @CsvSource({
            "2026-12-07T07:59, true",   // Monday before 08:00
            "2026-12-07T08:00, false",  // Monday at the start
            "2026-12-07T16:59, false",
            "2026-12-07T17:00, true",   // Monday at the end
            "2026-12-11T12:00, false",  // Friday noon
            "2026-12-12T12:00, true",   // Saturday noon
            "2026-12-13T03:00, true",   // Sunday night
            "2026-07-06T08:30, false"}) // Monday in summer time: school time, not UTC
    void withoutTermDatesSchoolHoursAreWeekdaysEightToFiveInSchoolTime(String local, boolean outside) {
        assertThat(outside(local, SchoolCalendar.NONE)).isEqualTo(outside);
    }

    @ParameterizedTest(name = "{0} (school time) outside school hours: {1}")
    @CsvSource({
            "2026-12-07T10:00, false",  // a Monday in the autumn term
            "2026-12-12T10:00, true",   // a Saturday in term
            "2026-10-26T10:00, true",   // the first day of half-term
            "2026-10-30T16:00, true",   // its last day
            "2026-11-02T08:00, false",  // back after half-term
            "2026-12-18T16:59, false",  // the last day of term, still in the day
            "2026-12-18T17:00, true",   // the last day of term, after the day ends
            "2026-12-21T10:00, true",   // the Christmas holiday, between terms
            "2027-01-04T10:00, true",   // an INSET day: pupils are not in
            "2027-01-05T10:00, false",  // the first day pupils are back
            "2027-08-02T10:00, true"})  // after the last term entered: a holiday
    void withTermDatesHolidaysHalfTermsAndInsetDaysAreOutOfHoursAllDay(String local, boolean outside) {
        assertThat(outside(local, TERMS)).isEqualTo(outside);
    }

    @ParameterizedTest(name = "{0} (UTC) outside school hours: {1}")
    @CsvSource({
            "2027-03-26T07:30:00Z, true",   // Friday before the change: 07:30 GMT, before school
            "2027-03-26T08:00:00Z, false",  // 08:00 GMT
            "2027-03-29T07:00:00Z, false",  // Monday after the change: 08:00 BST, school has started
            "2027-03-29T15:59:00Z, false",  // 16:59 BST
            "2027-03-29T16:00:00Z, true",   // 17:00 BST
            "2027-03-28T10:00:00Z, true",   // the Sunday of the change itself
            "2026-10-23T23:30:00Z, true"})  // Friday 23:30 UTC is Saturday 00:30 BST: the weekend
    void theHoursKeepToTheClockOnTheWallThroughTheChangesOfClock(String utc, boolean outside) {
        assertThat(OutOfHours.includes(Instant.parse(utc), DEFAULTS, TERMS)).isEqualTo(outside);
    }

    @ParameterizedTest(name = "{0}: outside={1}")
    @CsvSource({"2026-12-12T10:00, false", "2026-12-07T10:00, true", "2026-12-12T13:00, true"})
    void theSchoolSetsItsOwnDaysAndHours(String local, boolean outside) {
        SchoolHours saturdaySchool = new SchoolHours(Set.of(DayOfWeek.SATURDAY),
                LocalTime.of(9, 0), LocalTime.of(12, 0));

        assertThat(OutOfHours.includes(LocalDateTime.parse(local).atZone(SchoolTime.ZONE).toInstant(), saturdaySchool,
                SchoolCalendar.NONE)).isEqualTo(outside);
    }

    private static Span daily(String local, SchoolCalendar calendar) {
        ZonedDateTime now = LocalDateTime.parse(local).atZone(SchoolTime.ZONE);
        Predicate<LocalDate> schoolDay = day -> calendar.schoolDay(day, DEFAULTS.days());
        return AlertDigest.dailyPeriod(now, LocalTime.of(7, 30), schoolDay).orElseThrow();
    }

    @ParameterizedTest(name = "at {0} the latest daily digest covers {1} to before {2}")
    @CsvSource({
            "2026-12-08T07:30, 2026-12-07, 2026-12-08",  // Tuesday at the send time: Monday
            "2026-12-08T07:29, 2026-12-04, 2026-12-07",  // before it: Monday's digest, of Friday to Sunday, stands
            "2026-12-07T07:30, 2026-12-04, 2026-12-07",  // Monday: Friday, Saturday and Sunday
            "2026-12-07T07:29, 2026-12-03, 2026-12-04",  // Monday before the send time: Friday's, of Thursday
            "2026-12-12T09:00, 2026-12-10, 2026-12-11",  // Saturday: no digest; Friday's stands
            "2026-12-13T23:59, 2026-12-10, 2026-12-11"}) // Sunday night: the same
    void withoutTermDatesTheDailyDigestGoesOnWeekdaysCoveringTheDaysSinceTheLast(String local, String start, String end) {
        assertThat(daily(local, SchoolCalendar.NONE)).isEqualTo(new Span(LocalDate.parse(start), LocalDate.parse(end)));
    }

    @ParameterizedTest(name = "at {0} the latest daily digest covers {1} to before {2}")
    @CsvSource({
            "2026-10-28T10:00, 2026-10-22, 2026-10-23",  // in half-term: the last term day's digest stands
            "2026-11-02T07:30, 2026-10-23, 2026-11-02",  // back after half-term: the whole holiday
            "2026-12-21T07:30, 2026-12-17, 2026-12-18",  // the Christmas holiday
            "2027-01-04T12:00, 2026-12-17, 2026-12-18",  // the INSET day: still no digest
            "2027-01-05T07:30, 2026-12-18, 2027-01-05"}) // the first day pupils are back: since the last day of term
    void withTermDatesTheDailyDigestWaitsForTheNextSchoolDayAndGathersTheHoliday(String local, String start, String end) {
        assertThat(daily(local, TERMS)).isEqualTo(new Span(LocalDate.parse(start), LocalDate.parse(end)));
    }

    @Test
    void withNoSchoolDayWithinAYearThereIsNoDailyDigest() {
        ZonedDateTime now = LocalDateTime.parse("2030-01-07T09:00").atZone(SchoolTime.ZONE);

        assertThat(AlertDigest.dailyPeriod(now, LocalTime.of(7, 30), day -> false)).isEmpty();
    }

    @ParameterizedTest(name = "at {0} the latest weekly digest starts {1}")
    @CsvSource({
            "2026-12-07T07:29, 2026-11-23",  // Monday before the send time: the week before last
            "2026-12-07T07:30, 2026-11-30",  // Monday at the send time: last week, Monday to Sunday
            "2026-12-10T12:00, 2026-11-30",  // Thursday: still last week's
            "2026-12-13T23:00, 2026-11-30"}) // Sunday night
    void theWeeklyDigestCoversTheSevenDaysBeforeItsSendDay(String local, String starts) {
        ZonedDateTime now = LocalDateTime.parse(local).atZone(SchoolTime.ZONE);

        assertThat(AlertDigest.weeklyPeriod(now, LocalTime.of(7, 30), DayOfWeek.MONDAY)).isEqualTo(LocalDate.parse(starts));
    }
}
