package org.lantern.activity.ingest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.store.DuckDbActivityStore;

/**
 * A separate JVM for {@link LogIngestCrashTest}: ingests a Squid log into a store in batches of
 * {@value LogIngestCrashTest#BATCH_ROWS} rows, printing {@code open} once the store is open and
 * {@code stored END} after each append returns. With the argument {@code step} it then waits for
 * a line on standard input before going on, so the test can kill it exactly at a batch boundary:
 * after the store accepted a batch and before the next one.
 */
final class LogIngestChild {

    private LogIngestChild() {}

    public static void main(String[] args) throws Exception {
        boolean step = args.length > 2 && args[2].equals("step");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (DuckDbActivityStore store = DuckDbActivityStore.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            ActivityStore told = new Telling(store, () -> {
                if (step) {
                    in.readLine();
                }
            });
            new LogIngest(told, LogIngestCrashTest.reader()).ingest(Path.of(args[1]));
            System.out.println("done");
            System.out.flush();
        }
    }

    private interface Pause {
        void await() throws Exception;
    }

    /** The store, saying when each stretch is stored. */
    private record Telling(ActivityStore store, Pause pause) implements ActivityStore {

        @Override
        public boolean append(String source, long start, SourcePosition end, List<ActivityRow> rows) {
            boolean stored = store.append(source, start, end, rows);
            System.out.println("stored " + end.offset());
            System.out.flush();
            try {
                pause.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return stored;
        }

        @Override
        public Optional<SourcePosition> resumeFrom(String source) {
            return store.resumeFrom(source);
        }

        @Override
        public boolean append(String batchId, List<ActivityRow> rows) {
            return store.append(batchId, rows);
        }

        @Override
        public List<LocalDate> compactClosedDays(LocalDate today) {
            return store.compactClosedDays(today);
        }

        @Override
        public boolean contains(String batchId) {
            return store.contains(batchId);
        }

        @Override
        public ActivityPage search(ActivityQuery query, String after, int limit) {
            return store.search(query, after, limit);
        }

        @Override
        public long count(ActivityQuery query) {
            return store.count(query);
        }

        @Override
        public List<Count> perHour(ActivityQuery query) {
            return store.perHour(query);
        }

        @Override
        public List<Count> topDomains(ActivityQuery query, int n) {
            return store.topDomains(query, n);
        }

        @Override
        public List<Count> topBlockedCategories(ActivityQuery query, int n) {
            return store.topBlockedCategories(query, n);
        }

        @Override
        public long deleteBefore(LocalDate firstKeptDay, Set<Long> heldPersonIds) {
            return store.deleteBefore(firstKeptDay, heldPersonIds);
        }

        @Override
        public long size() {
            return store.size();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
