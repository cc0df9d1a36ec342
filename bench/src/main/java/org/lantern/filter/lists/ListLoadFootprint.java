package org.lantern.filter.lists;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.lantern.bench.BenchData;

/**
 * Heap held by the full loaded list set, and how long it takes to load: a plain main, not JMH,
 * because both are one-off measurements of a single load. Heap is the {@link MemoryMXBean}'s
 * used heap after forced GCs, with the lists reachable minus before loading, so only what the
 * snapshot retains counts (not the garbage made while parsing).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.lantern.filter.lists.ListLoadFootprint}
 * (optionally {@code -Dlantern.data=/path/to/shared/data}).
 */
public final class ListLoadFootprint {

    private ListLoadFootprint() {}

    /**
     * @param args ignored
     * @throws IOException if the lists cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path data = BenchData.locate();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long start = System.nanoTime();
        CategoryLists lists = BenchData.loadFullListSet(data);
        long loadNanos = System.nanoTime() - start;
        long after = usedAfterGc(memory);

        for (SourceReport source : lists.sources()) {
            System.out.printf(Locale.ROOT, "source %-10s %,10d entries accepted, %,7d lines skipped, %3d files%n",
                    source.source().name(), source.accepted(), source.skipped(), source.files().size());
        }
        System.out.printf(Locale.ROOT, "distinct domains %,d, url entries %,d, expressions %,d%n",
                lists.matcher().domains().size(), lists.matcher().urls().size(),
                lists.matcher().expressions().size());
        System.out.printf(Locale.ROOT, "load time %.2f s%n", loadNanos / 1e9);
        System.out.printf(Locale.ROOT, "heap used by the loaded lists %.1f MB (%,d bytes)%n",
                (after - before) / (1024.0 * 1024.0), after - before);
        // Keeps the snapshot reachable until after the second measurement.
        System.out.printf(Locale.ROOT, "built at %s%n", lists.builtAt());
    }

    /** Several GCs, since one System.gc() may leave objects the previous cycle only just freed. */
    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
