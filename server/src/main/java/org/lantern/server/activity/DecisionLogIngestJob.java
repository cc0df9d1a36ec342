package org.lantern.server.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.lantern.activity.ActivityStore;
import org.lantern.activity.ingest.LanternDecisionLog;
import org.lantern.activity.ingest.LogIngest;
import org.lantern.activity.ingest.LogReader;
import org.lantern.server.DataDirectoryPermissions;
import org.lantern.server.LanternProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings the server's own decision log ({@code <data-dir>/decisions/decisions-*.jsonl}, written by
 * the in-process ICAP filter) into the activity store, attributed, every few seconds and at start
 * to catch up on what was written while the server was down. Each file goes through
 * {@link LogIngest}, which asks the store where the file got to, so every decision is stored
 * exactly once however often this runs or wherever it died. Features read the decisions from the
 * store, never from these files.
 *
 * <p>Only in the web server: the command-line tools start the same beans and must not ingest.
 */
@Component
@ConditionalOnWebApplication
public class DecisionLogIngestJob {

    private static final Logger log = LoggerFactory.getLogger(DecisionLogIngestJob.class);
    private static final String GLOB = "decisions-*.jsonl";

    private final Path directory;
    private final LogIngest ingest;

    DecisionLogIngestJob(LanternProperties lantern, ActivityStore store, ActivityAttribution attribution) {
        this.directory = lantern.dataDir().resolve(DataDirectoryPermissions.DECISIONS);
        this.ingest = new LogIngest(store,
                new LogReader(attribution.attributing(new LanternDecisionLog()), Clock.systemUTC()));
    }

    /**
     * Stores what the decision files hold beyond what is stored of them, oldest day first.
     *
     * @return the rows stored now
     */
    @Scheduled(fixedDelayString = "${lantern.activity.decision-ingest-interval:PT5S}",
            initialDelayString = "${lantern.activity.decision-ingest-initial-delay:PT0S}")
    public synchronized long ingest() {
        long stored = 0;
        for (Path file : files()) {
            try {
                LogIngest.Report report = ingest.ingest(file);
                stored += report.rowsStored();
                if (report.bad() > 0) {
                    log.warn("{} bad lines in {} left out of the activity log, first: {}", report.bad(), file,
                            report.badLines().getFirst());
                }
            } catch (IOException | IllegalStateException e) {
                // The next run reads on from where the store says the file got to; nothing is lost.
                log.warn("Could not bring {} into the activity log this time: {}", file, e.toString());
            }
        }
        return stored;
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
