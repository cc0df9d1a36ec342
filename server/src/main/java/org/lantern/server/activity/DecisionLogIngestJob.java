package org.lantern.server.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.lantern.activity.ActivityStore;
import org.lantern.activity.ingest.LanternDecisionLog;
import org.lantern.activity.ingest.LogIngest;
import org.lantern.activity.ingest.LogReader;
import org.lantern.server.DataDirectoryPermissions;
import org.lantern.server.LanternProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings the server's own decision log ({@code <data-dir>/decisions/decisions-*.jsonl}, written by
 * the in-process ICAP filter) into the activity store, attributed, every few seconds and at start
 * to catch up on what was written while the server was down. Each file goes through
 * {@link LogIngest}, which asks the store where the file got to, so every decision is stored
 * exactly once however often this runs or wherever it died. Features read the decisions from the
 * store, never from these files.
 *
 * <p>It runs on its own thread, not the shared scheduler's: catching up on a long outage can take
 * minutes, which must not hold up unblock expiry or alert mail. Only in the web server: the
 * command-line tools start the same beans and must not ingest.
 */
@Component
@ConditionalOnWebApplication
public class DecisionLogIngestJob {

    private static final Logger log = LoggerFactory.getLogger(DecisionLogIngestJob.class);
    private static final String GLOB = "decisions-*.jsonl";

    private final Path directory;
    private final LogIngest ingest;
    private final Duration interval;
    /** The size each day file had when it was last read to its end; files since deleted drop out. */
    private Map<Path, Long> readToSize = Map.of();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("decision-log-ingest").daemon().factory());

    DecisionLogIngestJob(LanternProperties lantern, ActivityStore store, ActivityAttribution attribution,
                         @Value("${lantern.activity.decision-ingest-interval:PT5S}") Duration interval) {
        this.directory = lantern.dataDir().resolve(DataDirectoryPermissions.DECISIONS);
        this.interval = interval;
        this.ingest = new LogIngest(store,
                new LogReader(attribution.attributing(new LanternDecisionLog()), Clock.systemUTC()));
    }

    /**
     * Stores what the decision files hold beyond what is stored of them, oldest day first.
     *
     * @return the rows stored now
     */
    public synchronized long ingest() {
        long stored = 0;
        Map<Path, Long> sizes = new HashMap<>();
        for (Path file : files()) {
            try {
                long size = Files.size(file);
                // A day file is only appended to: one whose size has not changed since it was read to
                // its end has nothing new, and a year of them need not be opened every few seconds.
                if (Long.valueOf(size).equals(readToSize.get(file))) {
                    sizes.put(file, size);
                    continue;
                }
                LogIngest.Report report = ingest.ingest(file);
                sizes.put(file, size);
                stored += report.rowsStored();
                if (report.bad() > 0) {
                    log.warn("{} bad lines in {} left out of the activity log, first: {}", report.bad(), file,
                            report.badLines().getFirst());
                }
            } catch (NoSuchFileException e) {
                // Deleted by retention since it was listed: nothing left to read.
            } catch (IOException | IllegalStateException e) {
                // The next run reads on from where the store says the file got to; nothing is lost.
                log.warn("Could not bring {} into the activity log this time: {}", file, e.toString());
            }
        }
        readToSize = sizes;
        return stored;
    }

    /** Catches up at once, then looks again every interval. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(this::ingestLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets a run under way finish its batch before the store closes; the next start reads on from there. */
    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }

    private void ingestLogged() {
        try {
            ingest();
        } catch (RuntimeException e) {
            // A run that failed is tried again at the next interval; a thrown exception would end the schedule.
            log.warn("Could not bring the decision log into the activity log this time", e);
        }
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(directory, GLOB)) {
            found.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + directory, e);
        }
        // Day files sort by name in date order.
        files.sort(null);
        return files;
    }
}
