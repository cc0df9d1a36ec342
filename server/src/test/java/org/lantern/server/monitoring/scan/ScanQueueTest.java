package org.lantern.server.monitoring.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantern.activity.ActivityRow;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitor's queue: bounded, never blocking the caller, dropping and counting when full. */
class ScanQueueTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> scanned = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private ScanQueue queue;

    private static ScanRequest row(String path) {
        return ScanRequest.of(new ActivityRow(Instant.now(), null, null, null, null, "10.0.0.1", null, "GET",
                "example.org", "example.org", "http://example.org/" + path, null, null, "ALLOW", null, null, null, false,
                null, null, "squid"));
    }

    /** A scanner held on its first text until released, so the queue behind it fills. */
    private void heldScanner(int capacity) {
        queue = new ScanQueue(capacity, request -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scanned.add(request.row().url());
        }, meters);
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        queue.stop();
    }

    @Test
    void aFullQueueDropsNewTextsAtOnceAndCountsThemWhileTheQueuedOnesAreScanned() throws Exception {
        heldScanner(2);
        assertThat(queue.offer(row("first"))).isTrue();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.offer(row("second"))).isTrue();
        assertThat(queue.offer(row("third"))).isTrue();

        long before = System.nanoTime();
        boolean fourth = queue.offer(row("fourth"));
        boolean fifth = queue.offer(row("fifth"));
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(fourth).isFalse();
        assertThat(fifth).isFalse();
        assertThat(took).as("a full queue never makes the caller wait").isLessThan(Duration.ofSeconds(1));
        assertThat(meters.get("lantern.monitoring.scan.dropped").counter().count()).isEqualTo(2);
        release.countDown();
        assertThat(queue.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(scanned).containsExactly("http://example.org/first", "http://example.org/second",
                "http://example.org/third");
    }

    @Test
    void aScanThatFailsIsCountedAndTheNextIsScanned() throws Exception {
        queue = new ScanQueue(10, request -> {
            if (request.row().url().endsWith("bad")) {
                throw new IllegalStateException("broken");
            }
            scanned.add(request.row().url());
        }, meters);

        queue.offer(row("bad"));
        queue.offer(row("good"));

        assertThat(queue.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(meters.get("lantern.monitoring.scan.failed").counter().count()).isEqualTo(1);
        assertThat(scanned).containsExactly("http://example.org/good");
    }
}
