package org.lantern.server.retention;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The activity log's first kept day on fixed dates, by default and with a school's own period. */
class ActivityLogRetentionPropertiesTest {

    @ParameterizedTest(name = "on {0} with {1} the log keeps from {2}")
    @CsvSource({
            "2026-12-06, , 2026-04-01",
            "2026-09-01, , 2026-04-01",
            "2026-08-31, , 2025-04-01",
            "2027-03-31, , 2026-04-01",
            "2026-12-06, P90D, 2026-09-07",
            "2026-12-06, P13M, 2025-11-06",
    })
    void firstKeptDay(LocalDate today, Period period, LocalDate firstKept) {
        assertThat(new ActivityLogRetentionProperties(period).firstKeptDay(today)).isEqualTo(firstKept);
    }

    @ParameterizedTest(name = "{0} is described as {1}")
    @CsvSource({
            "P90D, the last 90 days",
            "P13M, the last 13 months",
            "P1Y, the last 1 year",
    })
    void describe(Period period, String words) {
        assertThat(new ActivityLogRetentionProperties(period).describe()).isEqualTo(words);
    }

    @Test
    void theDefaultSaysItKeepsTheSchoolYearAndATerm() {
        assertThat(new ActivityLogRetentionProperties(null).describe()).contains("school year", "summer term");
    }

    @Test
    void aPeriodOfNothingIsRefused() {
        assertThatThrownBy(() -> new ActivityLogRetentionProperties(Period.ZERO))
                .hasMessageContaining("lantern.retention.activity-log.period");
    }
}
