package org.lantern.server.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogonPropertiesTest {

    private final LogonProperties properties =
            new LogonProperties(3, Duration.ofSeconds(2), Duration.ofMinutes(2), 10, Duration.ofMinutes(15), 100);

    @Test
    void firstFailuresCarryNoWait() {
        assertThat(properties.delayAfter(2)).isZero();
    }

    @Test
    void waitDoublesWithEachFurtherFailure() {
        assertThat(properties.delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.delayAfter(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.delayAfter(5)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void waitNeverExceedsTheMaximum() {
        assertThat(properties.delayAfter(60)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void defaultsAllowAtMostOneHundredFailuresAnHour() {
        assertThat(new LogonProperties(null, null, null, null, null, null).maxFailuresPerHour()).isEqualTo(100);
    }
}
