package org.lantern.server.monitoring.scan;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The texts waiting for the safeguarding monitor, and the one thread that scans them, so neither
 * the ingest of the activity log nor the proxy ever waits for a scan. {@link #offer} never blocks
 * and never throws: when the queue is full the text is dropped, counted
 * ({@code lantern.monitoring.scan.dropped}) and logged as a warning at most once a minute with
 * the count since; the row itself is in the activity log all the same. A scan that fails is
 * counted ({@code lantern.monitoring.scan.failed}) and logged as an error as seldom, without its
 * words, and the next goes on.
 */
final class ScanQueue {

    private static final Logger log = LoggerFactory.getLogger(ScanQueue.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Consumer<ScanRequest> scanner;
    private final ThreadPoolExecutor worker;
    private final Counter dropped;
    private final Counter failed;
    private final Throttle dropWarnings = new Throttle();
    private final Throttle failureErrors = new Throttle();

    /**
     * Lets a line be logged at most once a minute, with how many times it was due since, so a
     * flood (a bulk import outrunning the scanner, a database gone away) is a line a minute.
     */
    private static final class Throttle {
        private final AtomicLong since = new AtomicLong();
        private final AtomicLong last = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

        /** @return how many times it was due since it was last logged, or 0 when it must not be logged now */
        long due() {
            since.incrementAndGet();
            long then = last.get();
            long now = System.nanoTime();
            return now - then >= WARN_EVERY_NANOS && last.compareAndSet(then, now) ? since.getAndSet(0) : 0;
        }
    }

    /**
     * @param capacity texts waiting at most
     * @param scanner scans one, on the queue's thread
     * @param meters where the counters go
     */
    ScanQueue(int capacity, Consumer<ScanRequest> scanner, MeterRegistry meters) {
        this.scanner = scanner;
        this.dropped = Counter.builder("lantern.monitoring.scan.dropped")
                .description("Texts not scanned by the safeguarding monitor because its queue was full").register(meters);
        this.failed = Counter.builder("lantern.monitoring.scan.failed")
                .description("Texts whose scan or alert failed").register(meters);
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                Thread.ofPlatform().name("lantern-monitor-scan").daemon().factory());
    }

    /**
     * Queues a text to scan, or drops it when the queue is full; returns at once.
     *
     * @param request what to scan
     * @return whether it was queued
     */
    boolean offer(ScanRequest request) {
        try {
            worker.execute(() -> scan(request));
            return true;
        } catch (RejectedExecutionException e) {
            dropped.increment();
            long count = dropWarnings.due();
            if (count > 0) {
                log.warn("Safeguarding monitor queue full: {} texts dropped unscanned since the last warning "
                        + "(lantern.monitoring.scan.dropped); the activity log has them all", count);
            }
            return false;
        }
    }

    private void scan(ScanRequest request) {
        try {
            scanner.accept(request);
        } catch (RuntimeException e) {
            failed.increment();
            long count = failureErrors.due();
            if (count > 0) {
                // the words are not logged: they may be a child's, or illegal
                log.error("{} texts could not be scanned or their alerts recorded since the last error "
                        + "(lantern.monitoring.scan.failed); the latest from {}", count, request.row().source(), e);
            }
        }
    }

    /**
     * Waits until everything queued before the call has been scanned: for tests.
     *
     * @param timeout how long to wait at most
     * @return whether it finished in time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CountDownLatch done = new CountDownLatch(1);
        while (true) {
            try {
                worker.execute(done::countDown);
                break;
            } catch (RejectedExecutionException full) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(10);
            }
        }
        return done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Stops taking texts; those waiting are left (the activity log has their rows). */
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
