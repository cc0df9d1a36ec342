package org.lantern.server.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConcernThrottleTest {

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2025-03-14T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final ConcernThrottle throttle = new ConcernThrottle(
            new IncidentRules.ConcernReportLimit(2, Duration.ofMinutes(15)), clock);

    @Test
    void anAddressIsRefusedOnceItHasSentTheLimitInTheWindow() {
        throttle.record("10.0.0.1");
        throttle.record("10.0.0.1");

        assertThat(throttle.allows("10.0.0.1")).isFalse();
        assertThat(throttle.allows("10.0.0.2")).isTrue();
    }

    @Test
    void anAddressIsAllowedAgainOnceItsReportsLeaveTheWindow() {
        throttle.record("10.0.0.1");
        throttle.record("10.0.0.1");

        clock.now = clock.now.plus(Duration.ofMinutes(15));

        assertThat(throttle.allows("10.0.0.1")).isTrue();
    }

    @Test
    void askingWhetherAReportIsAllowedDoesNotCountAsOne() {
        throttle.record("10.0.0.1");
        for (int i = 0; i < 10; i++) {
            throttle.allows("10.0.0.1");
        }

        assertThat(throttle.allows("10.0.0.1")).isTrue();
    }
}
