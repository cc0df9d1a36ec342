package org.lantern.server.reports;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchoolYearTest {

    @Test
    void theSchoolYearRunsFromTheFirstOfSeptemberToTheThirtyFirstOfAugust() {
        assertThat(SchoolYear.containing(LocalDate.of(2025, 8, 31))).isEqualTo(new SchoolYear(2024));
        assertThat(SchoolYear.containing(LocalDate.of(2025, 9, 1))).isEqualTo(new SchoolYear(2025));
        assertThat(new SchoolYear(2024).label()).isEqualTo("2024/25");
        assertThat(new SchoolYear(2024).months()).first().isEqualTo(YearMonth.of(2024, 9));
        assertThat(new SchoolYear(2024).months()).last().isEqualTo(YearMonth.of(2025, 8));
    }

    @Test
    void itStartsAtMidnightSchoolTimeWhichIsAnHourBeforeMidnightUtcInSummer() {
        assertThat(new SchoolYear(2024).start().toInstant().toString()).isEqualTo("2024-08-31T23:00:00Z");
    }

    @Test
    void yearsNoSchoolCouldReportOnAreRefused() {
        assertThatThrownBy(() -> new SchoolYear(1999)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPupilsYearGroupThenIsTheirCurrentOneMovedBackOneYearPerSeptemberSince() {
        LocalDate today = LocalDate.of(2025, 10, 1);

        assertThat(GovernorsReports.yearGroupThen("8", null, new SchoolYear(2024), today)).isEqualTo("Year 7");
        assertThat(GovernorsReports.yearGroupThen("R", null, new SchoolYear(2024), today)).isEqualTo("Year group not known");
        // Left in July 2025 in Year 11: that was their year group in 2024/25.
        assertThat(GovernorsReports.yearGroupThen("11", LocalDate.of(2025, 7, 20), new SchoolYear(2024), today))
                .isEqualTo("Year 11");
    }
}
