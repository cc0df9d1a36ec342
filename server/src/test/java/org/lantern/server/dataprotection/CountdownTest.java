package org.lantern.server.dataprotection;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountdownTest {

    @Test
    void timeLeftIsInDaysHoursAndMinutes() {
        assertThat(Countdown.describe(Duration.ofHours(49).plusMinutes(1))).isEqualTo("2 days 1 hour 1 minute left");
        assertThat(Countdown.describe(Duration.ofMinutes(5))).isEqualTo("5 minutes left");
    }

    @Test
    void aPassedDeadlineIsOverdueByTheTimeSince() {
        assertThat(Countdown.describe(Duration.ofHours(-3).minusMinutes(5))).isEqualTo("overdue by 3 hours 5 minutes");
    }
}
