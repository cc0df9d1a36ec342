package org.lantern.bench.activity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.activity.store.DuckDbActivityStore;
import org.lantern.bench.BenchData;

/**
 * Footprint, ingest rate and query latency of the activity store at a school's scale: N days of
 * M requests a day, URLs taken in order from the shared request stream ({@code stream-200k.txt},
 * cycled), spread over a school day, from a fixed population of pupils, appended in batches in
 * time order the way a shipper sends them. Everything else (who, category, blocks, search terms)
 * comes from a fixed seed, so two runs store the same rows.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar org.lantern.bench.activity.ActivityStoreBench \
 *     [days=3] [perDay=1000000] [pupils=1200] [batch=10000] [file=/tmp/activity-bench.duckdb] [ingest=false]
 *     [compact=false]
 * </pre>
 *
 * With {@code ingest=false} it runs the queries on a file an earlier run made with the same
 * {@code days}, {@code perDay} and {@code pupils}, so that two builds' queries can be timed on
 * the same bytes (half an hour of appending for 30 days of a million) minutes apart. Before the
 * queries it compacts every day stored ({@code compact=false}: leaves them as appended), as the
 * server does in the background once a day has closed; a day already compacted is not done again.
 *
 * Prints bytes per request (the file after close, divided by the rows), ingest rows per second,
 * and p50/p95 of four queries the safeguarding screens make, each run 20 times on different
 * pupils, moments and year groups.
 */
public final class ActivityStoreBench {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-01-05");
    private static final String[] CATEGORIES = {"search", "news", "education", "video", "reference", "shopping",
        "sports", "music", "social", "games", "webmail", "chat", "gambling", "adult", "proxy", "unknown"};
    /** The categories the bench's policy blocks: 5 of 16, so about a third of requests are blocks. */
    private static final Set<String> BLOCKED = Set.of("social", "games", "gambling", "adult", "proxy");
    private static final int RUNS = 20;

    private ActivityStoreBench() {
    }

    /** A URL of the stream with what the proxy would know about it, worked out once. */
    private record Target(String url, String host, String domain, String category, String search) {
    }

    public static void main(String[] args) throws Exception {
        int days = intArg(args, "days", 3);
        int perDay = intArg(args, "perDay", 1_000_000);
        int pupils = intArg(args, "pupils", 1_200);
        int batch = intArg(args, "batch", 10_000);
        Path file = Path.of(arg(args, "file", "/tmp/activity-bench.duckdb"));
        boolean ingest = Boolean.parseBoolean(arg(args, "ingest", "true"));
        boolean compact = Boolean.parseBoolean(arg(args, "compact", "true"));
        if (ingest) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        } else if (!Files.exists(file)) {
            throw new IllegalArgumentException("ingest=false needs an existing store: " + file);
        }

        Target[] targets = Arrays.stream(BenchData.stream(BenchData.locate())).map(ActivityStoreBench::target)
                .toArray(Target[]::new);
        SplittableRandom random = new SplittableRandom(20_260_105L);
        long rows = (long) days * perDay;
        long appendNanos = 0;
        long next = 0;
        try (DuckDbActivityStore store = DuckDbActivityStore.open(file)) {
            for (int d = 0; ingest && d < days; d++) {
                Instant schoolDay = FIRST_DAY.plusDays(d).atTime(8, 0).toInstant(ZoneOffset.UTC);
                long spacingMicros = Duration.ofHours(8).toNanos() / 1_000 / perDay;
                for (int from = 0; from < perDay; from += batch) {
                    List<ActivityRow> rowsOfBatch = new ArrayList<>(batch);
                    for (int i = from; i < Math.min(perDay, from + batch); i++) {
                        long micros = i * spacingMicros + random.nextLong(spacingMicros);
                        Target target = targets[(int) (next++ % targets.length)];
                        rowsOfBatch.add(row(schoolDay.plusNanos(micros * 1_000), 1 + random.nextInt(pupils), target));
                    }
                    long t0 = System.nanoTime();
                    store.append("bench-" + d + "-" + from, rowsOfBatch);
                    appendNanos += System.nanoTime() - t0;
                }
                System.out.printf("day %d stored: %,d rows, %.1f s appending so far%n", d + 1, (long) (d + 1) * perDay,
                        appendNanos / 1e9);
            }
            if (compact) {
                // As the server's background job does once each day has closed.
                long t0 = System.nanoTime();
                List<LocalDate> compacted = store.compactClosedDays(FIRST_DAY.plusDays(days));
                System.out.printf("compacted %d days in %.1f s%n", compacted.size(), (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("load average %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            if (ingest) {
                System.out.printf("ingest: %,d rows in %.1f s = %,.0f rows/s (batches of %,d)%n", rows, appendNanos / 1e9,
                    rows / (appendNanos / 1e9), batch);
            }

            Instant end = FIRST_DAY.plusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
            SplittableRandom pick = new SplittableRandom(7);
            time("one pupil's 30 days, newest 100", () -> store.search(new ActivityQuery(end.minus(Duration.ofDays(30)),
                    end, (long) 1 + pick.nextInt(pupils), null, null, null, null, null, null, null, null, null), null,
                    100).rows().size());
            time("one hour either side of a moment, newest 100", () -> {
                Instant moment = FIRST_DAY.plusDays(pick.nextInt(days)).atTime(9 + pick.nextInt(6), 0)
                        .toInstant(ZoneOffset.UTC);
                return store.search(new ActivityQuery(moment.minus(Duration.ofHours(1)),
                        moment.plus(Duration.ofHours(1)), null, null, null, null, null, null, null, null, null, null),
                        null, 100).rows().size();
            });
            // The "around this moment" link of an alert: one pupil's requests in the same two hours.
            time("one pupil's hour either side of a moment, newest 100", () -> {
                Instant moment = FIRST_DAY.plusDays(pick.nextInt(days)).atTime(9 + pick.nextInt(6), 0)
                        .toInstant(ZoneOffset.UTC);
                return store.search(new ActivityQuery(moment.minus(Duration.ofHours(1)),
                        moment.plus(Duration.ofHours(1)), (long) 1 + pick.nextInt(pupils), null, null, null, null,
                        null, null, null, null, null), null, 100).rows().size();
            });
            time("top 20 domains of a year group over a week", () -> store.topDomains(new ActivityQuery(
                    end.minus(Duration.ofDays(7)), end, null, null, null, "Y" + (7 + pick.nextInt(7)), null, null,
                    null, null, null, null), 20).size());
        }
        long bytes = Files.size(file) + (Files.exists(Path.of(file + ".wal")) ? Files.size(Path.of(file + ".wal")) : 0);
        System.out.printf("load average %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("footprint: %,d bytes for %,d rows = %.2f bytes per request%n", bytes, rows,
                (double) bytes / rows);
    }

    private static void time(String name, Supplier<Integer> query) {
        query.get(); // the first run reads the file into DuckDB's buffer pool; the screens run warm
        long[] micros = new long[RUNS];
        int found = 0;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            found += query.get();
            micros[i] = (System.nanoTime() - t0) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms (%d runs, %,d rows returned in all)%n", name,
                micros[RUNS / 2] / 1e3, micros[(int) Math.ceil(RUNS * 0.95) - 1] / 1e3, RUNS, found);
    }

    private static ActivityRow row(Instant time, int pupil, Target t) {
        int year = 7 + pupil % 7;
        boolean blocked = BLOCKED.contains(t.category());
        return new ActivityRow(time, (long) pupil, String.format("pupil%04d", pupil), "year" + year, "Y" + year,
                "10.20." + (pupil / 250) + "." + (pupil % 250), String.format("LT-%05d", pupil), "GET", t.host(),
                t.domain(), t.url(), t.category(), null, blocked ? "BLOCK" : "ALLOW", blocked ? "CATEGORY" : null,
                7L, t.search(), false, null, null, "lantern");
    }

    private static Target target(String url) {
        String rest = url.replaceFirst("^[a-zA-Z]+://", "");
        String host = rest.replaceFirst("[/:?#].*$", "").toLowerCase(Locale.ROOT);
        String[] labels = host.split("\\.");
        // Two labels, or three under a two-letter country's second level (bbc.co.uk): near enough to
        // the public-suffix list for a footprint.
        int keep = labels.length >= 3 && labels[labels.length - 1].length() == 2
                && labels[labels.length - 2].length() <= 3 ? 3 : 2;
        String domain = String.join(".", Arrays.copyOfRange(labels, Math.max(0, labels.length - keep), labels.length));
        String category = CATEGORIES[Math.floorMod(domain.hashCode(), CATEGORIES.length)];
        int q = url.indexOf("q=");
        String search = q > 0 && url.contains("search") ? url.substring(q + 2).replaceFirst("&.*$", "") : null;
        return new Target(url, host, domain, category, search);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
    }
}
