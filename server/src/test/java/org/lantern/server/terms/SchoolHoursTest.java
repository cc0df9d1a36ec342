package org.lantern.server.terms;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The installation's starting value for the school's days and hours, and the hours themselves. */
class SchoolHoursTest {

    @Test
    void whatIsNotSetIsMondayToFridayEightToFive() {
        assertThat(new SchoolHoursProperties(null, null, null).hours()).isEqualTo(SchoolHours.WEEKDAYS);
        assertThat(new SchoolHoursProperties(Set.of(), LocalTime.of(9, 0), null).hours())
                .isEqualTo(new SchoolHours(SchoolHours.WEEKDAYS.days(), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(new SchoolHoursProperties(Set.of(DayOfWeek.SUNDAY), LocalTime.MIDNIGHT, LocalTime.of(0, 1)).hours()
                .days()).containsExactly(DayOfWeek.SUNDAY);
    }

    @Test
    void anInstallationWhoseDayEndsBeforeItStartsDoesNotStart() {
        assertThatThrownBy(() -> new SchoolHoursProperties(null, LocalTime.of(18, 0), null))
                .hasMessage("lantern.alerts.delivery.school-hours.end must be after start");
        assertThatThrownBy(() -> new SchoolHours(Set.of(), LocalTime.of(8, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDaysAreNamedInWeekOrder() {
        assertThat(new SchoolHours(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), LocalTime.of(8, 0),
                LocalTime.of(9, 0)).dayNames()).isEqualTo("Monday, Wednesday, Sunday");
    }
}
