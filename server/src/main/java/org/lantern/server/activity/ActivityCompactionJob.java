package org.lantern.server.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.lantern.activity.ActivityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rewrites each closed day of the activity log in the order its searches read fastest
 * ({@link ActivityStore#compactClosedDays}), in the background: soon after start, to catch up, and
 * then every {@code lantern.activity.compaction-interval} (an hour by default), so that a day is
 * compacted within the hour after midnight (UTC, the store's days) and a day that rows reach late
 * is compacted again. A rewrite is one transaction per day: a crash or a stop mid-way leaves that
 * day as it was, to be done on the next run.
 *
 * <p>On its own thread, as a day of a million requests takes seconds to rewrite and appends wait
 * for it; only in the web server, which is the store's one writer.
 */
@Component
@ConditionalOnWebApplication
public class ActivityCompactionJob {

    private static final Logger log = LoggerFactory.getLogger(ActivityCompactionJob.class);

    private final ActivityStore store;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("activity-compaction").daemon().factory());

    @Autowired
    ActivityCompactionJob(ActivityStore store,
                          @Value("${lantern.activity.compaction-interval:PT1H}") Duration interval) {
        this(store, Clock.systemUTC(), interval);
    }

    ActivityCompactionJob(ActivityStore store, Clock clock, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Compacts every closed day that needs it.
     *
     * @return the days compacted
     */
    public List<LocalDate> compact() {
        List<LocalDate> days = store.compactClosedDays(LocalDate.now(clock));
        if (!days.isEmpty()) {
            log.info("Activity log: compacted {} closed days, {} to {}", days.size(), days.getFirst(), days.getLast());
        }
        return days;
    }

    /** Starts a minute after the server is ready, so that start-up and the decision-log catch-up go first. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(this::compactLogged, 60_000, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets a day under way finish, up to a point; a day cut short is left as it was and done at the next start. */
    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }

    private void compactLogged() {
        try {
            compact();
        } catch (RuntimeException e) {
            log.warn("Could not compact the activity log this time (searches still work, more slowly): {}",
                    e.toString());
        }
    }
}
