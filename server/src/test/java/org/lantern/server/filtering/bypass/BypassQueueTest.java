package org.lantern.server.filtering.bypass;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The proxy thread's side of the register: offering never waits, even when the database does. */
class BypassQueueTest {

    private final CountDownLatch databaseStuck = new CountDownLatch(1);
    private final CountDownLatch writing = new CountDownLatch(1);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private BypassAttempts attempts;

    /** A database whose first write hangs until the test lets it go. */
    private final JdbcTemplate stuck = new JdbcTemplate() {
        @Override
        public <T> int[][] batchUpdate(String sql, Collection<T> batchArgs, int batchSize,
                                       ParameterizedPreparedStatementSetter<T> setter) {
            writing.countDown();
            try {
                databaseStuck.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new int[0][];
        }
    };

    @AfterEach
    void release() throws InterruptedException {
        databaseStuck.countDown();
        attempts.stop();
    }

    @Test
    void whenTheQueueIsFullAttemptsAreDroppedAndCountedInsteadOfBlockingTheProxy() throws Exception {
        attempts = new BypassAttempts(mock(JdbcClient.class), stuck, mock(PlatformTransactionManager.class),
                event -> { }, new BypassProperties(2, 10, Duration.ofMinutes(30)), meters);
        Instant now = Instant.now();
        assertThat(attempts.offer(BypassFixtures.rawIp("10.9.9.1", "10.1.1.1", now))).isTrue();
        assertThat(writing.await(10, TimeUnit.SECONDS)).as("the writer is stuck in the database").isTrue();

        assertThat(attempts.offer(BypassFixtures.rawIp("10.9.9.2", "10.1.1.1", now))).isTrue();
        assertThat(attempts.offer(BypassFixtures.rawIp("10.9.9.3", "10.1.1.1", now))).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(attempts.offer(BypassFixtures.rawIp("10.9.9.4", "10.1.1.1", now))).isFalse();
        }

        assertThat(attempts.dropped()).isEqualTo(100);
        assertThat(meters.get("lantern.bypass.attempts.dropped").functionCounter().count()).isEqualTo(100);
        assertThat(meters.get("lantern.bypass.attempts.queued").gauge().value()).isEqualTo(2);
    }
}
