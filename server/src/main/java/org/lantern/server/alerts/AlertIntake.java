package org.lantern.server.alerts;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.lantern.server.filtering.FilterAlert;
import org.lantern.server.filtering.bypass.PersistentBypassAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes alerts from the filter and the bypass register and records them on one background
 * thread, then wakes the outbox. The filter publishes {@link FilterAlert} on the proxy thread,
 * which must never wait for the database: here it only joins a bounded queue. A full queue, or
 * a database that keeps refusing, loses the alert record and is logged as an error and counted
 * ({@code lantern.alerts.lost}); the decision itself is still in the decision log.
 */
@Component
public class AlertIntake {

    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);
    private static final int QUEUE = 1_000;
    private static final int TRIES = 3;
    private static final long RETRY_PAUSE_MILLIS = 1_000;

    private final AlertRegister register;
    private final AlertOutbox outbox;
    private final Counter lost;
    private final ThreadPoolExecutor worker;

    AlertIntake(AlertRegister register, AlertOutbox outbox, MeterRegistry meters) {
        this.register = register;
        this.outbox = outbox;
        this.lost = Counter.builder("lantern.alerts.lost")
                .description("Filter alerts that could not be recorded (queue full or database refusing)")
                .register(meters);
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "lantern-alerts");
            t.setDaemon(true);
            return t;
        });
    }

    @EventListener
    void on(FilterAlert alert) {
        submit("a filter alert", () -> register.record(alert));
    }

    @EventListener
    void on(PersistentBypassAttempts attempts) {
        submit("persistent bypass attempts", () -> register.record(attempts));
    }

    /**
     * Waits until everything submitted before the call has been recorded: for tests, and for the
     * demo school, whose seeded records must be complete when seeding ends.
     *
     * @param timeout how long to wait at most
     * @return whether it finished within {@code timeout}
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        worker.execute(done::countDown);
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void submit(String what, Supplier<Alert> record) {
        try {
            worker.execute(() -> recordWithRetries(what, record));
        } catch (RejectedExecutionException e) {
            lost.increment();
            log.error("Alert queue full: {} was not recorded (see the decision log)", what);
        }
    }

    private void recordWithRetries(String what, Supplier<Alert> record) {
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try {
                record.get();
                outbox.wake();
                return;
            } catch (RuntimeException e) {
                if (attempt == TRIES) {
                    lost.increment();
                    log.error("{} could not be recorded after {} tries (see the decision log)", what, TRIES, e);
                    return;
                }
                log.warn("{} could not be recorded (try {}); trying again", what, attempt, e);
                try {
                    Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
