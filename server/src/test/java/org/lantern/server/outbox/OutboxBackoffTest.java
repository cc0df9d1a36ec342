package org.lantern.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outboxes' waits after failures: alerts and reminders double theirs, overdue-loan emails grow linearly. */
class OutboxBackoffTest {

    private static final Duration FIRST = Duration.ofMinutes(1);
    private static final Duration MAX = Duration.ofMinutes(10);

    @ParameterizedTest(name = "after {0} failures: doubling {1} min, linear {2} min")
    @CsvSource({"1, 1, 1", "2, 2, 2", "3, 4, 3", "4, 8, 4", "5, 10, 5", "30, 10, 10"})
    void waitsLongerAfterEachFailureUpToTheMaximum(int attempts, long doubling, long linear) {
        assertThat(Outbox.Backoff.doubling(FIRST, MAX).after(attempts)).isEqualTo(Duration.ofMinutes(doubling));
        assertThat(Outbox.Backoff.linear(FIRST, MAX).after(attempts)).isEqualTo(Duration.ofMinutes(linear));
    }
}
