package org.lantern.server.alerts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.http.SchoolTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When delivery happens: which moments are outside school hours (so a level-5 alert goes down the
 * on-call list), and which day or week a digest sent at a given moment covers (so a server that was
 * down at the send time catches up with the latest period, and not before its time).
 */
class DeliveryScheduleTest {

    private static final DeliveryProperties DEFAULTS = new DeliveryProperties(null, null, null, null, null);

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
    void schoolHoursAreWeekdaysEightToFiveInSchoolTime(String local, boolean outside) {
        Instant at = LocalDateTime.parse(local).atZone(SchoolTime.ZONE).toInstant();

        assertThat(DEFAULTS.outsideSchoolHours(at)).isEqualTo(outside);
    }

    @ParameterizedTest(name = "{0}: outside={1}")
    @CsvSource({"2026-12-12T10:00, false", "2026-12-07T10:00, true", "2026-12-12T13:00, true"})
    void theSchoolSetsItsOwnDaysAndHours(String local, boolean outside) {
        DeliveryProperties saturdaySchool = new DeliveryProperties(null, null,
                new DeliveryProperties.SchoolHours(Set.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(12, 0)),
                null, null);

        assertThat(saturdaySchool.outsideSchoolHours(LocalDateTime.parse(local).atZone(SchoolTime.ZONE).toInstant()))
                .isEqualTo(outside);
    }

    @ParameterizedTest(name = "at {0} the latest daily digest covers {1}")
    @CsvSource({
            "2026-12-07T07:29, 2026-12-05",  // before the send time: yesterday's digest (of the day before) stands
            "2026-12-07T07:30, 2026-12-06",  // at the send time: yesterday
            "2026-12-07T23:59, 2026-12-06",
            "2026-12-08T00:10, 2026-12-06"})
    void theDailyDigestCoversTheDayBeforeItsSendTime(String local, String covers) {
        ZonedDateTime now = LocalDateTime.parse(local).atZone(SchoolTime.ZONE);

        assertThat(AlertDigest.dailyPeriod(now, LocalTime.of(7, 30))).isEqualTo(LocalDate.parse(covers));
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
