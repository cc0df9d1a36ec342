package org.lantern.activity.ingest;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Reads the generated access.log ({@link SquidLogGenerator}) several times and prints, for each
 * read, lines per second of wall time and per second of this process's CPU time (every thread:
 * the reader, the garbage collector, the JIT compiler). On a shared machine the wall-clock rate
 * is whatever share of a core the process got; the CPU rate is what one core does, and is what
 * {@code bench/squid-log-parse.sh} compares with {@code wc -l}'s CPU time. Also the reading
 * thread's own CPU time (without the collector's and compiler's threads) and the bytes it
 * allocated a line, which, unlike time, a loaded machine does not change.
 */
public final class SquidLogReadTimer {

    private SquidLogReadTimer() {}

    /**
     * @param args {@code [reads]}, default 8
     * @throws IOException when the log cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int lines = SquidLogGenerator.DEFAULT_LINES;
        Path file = SquidLogGenerator.ensure(SquidLogGenerator.defaultFile(lines), lines);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Clock clock = Clock.fixed(Instant.parse("2025-12-07T00:00:00Z"), ZoneOffset.UTC);
        for (int i = 1; i <= reads; i++) {
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            long thread = threads.getCurrentThreadCpuTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long[] rows = new long[1];
            LogReader.Result result = new LogReader(new SquidAccessLog(), clock)
                    .read(file, LogReader.Position.START, b -> rows[0] += b.rows().size());
            cpu = os.getProcessCpuTime() - cpu;
            thread = threads.getCurrentThreadCpuTime() - thread;
            allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
            wall = System.nanoTime() - wall;
            if (rows[0] + result.bad() + result.skipped() != lines) {
                throw new IllegalStateException("read " + result);
            }
            System.out.printf("read %d: %,d lines, %.2f s wall (%,.0f lines/s), %.2f s CPU (%,.0f lines/s),"
                    + " reader thread alone %.2f s (%,.0f lines/s), %.0f bytes allocated a line%n", i, lines, wall / 1e9,
                    lines / (wall / 1e9), cpu / 1e9, lines / (cpu / 1e9), thread / 1e9, lines / (thread / 1e9),
                    (double) allocated / lines);
        }
    }
}
