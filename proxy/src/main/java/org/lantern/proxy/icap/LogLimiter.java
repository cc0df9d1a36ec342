package org.lantern.proxy.icap;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps warnings about bad clients from flooding the log: a broken or hostile client can send
 * thousands of malformed requests a second, and a log that fills the disk or buries everything
 * else is a failure of its own. The first {@link #PER_MINUTE} warnings of each minute are written
 * in full; the rest are only counted, and the count is written as one summary line once the
 * minute is over (at the next warning or {@link #tick}, which the server calls every second). The requests themselves are always counted in
 * {@link IcapStats}, so nothing is lost from the figures. Thread-safe.
 */
final class LogLimiter {

    /** Warnings written in full per minute. */
    static final int PER_MINUTE = 10;

    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Consumer<String> sink;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int written;
    private long suppressed;

    /**
     * @param sink writes one log line
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     */
    LogLimiter(Consumer<String> sink, LongSupplier nanoTime) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.windowStart = nanoTime.getAsLong();
    }

    /** @param line a warning, written now or counted into the next summary */
    void warn(String line) {
        String summary;
        boolean write;
        synchronized (this) {
            summary = rollOver();
            write = written < PER_MINUTE;
            if (write) {
                written++;
            } else {
                suppressed++;
            }
        }
        if (summary != null) {
            sink.accept(summary);
        }
        if (write) {
            sink.accept(line);
        }
    }

    /** Writes the summary of a finished minute, if warnings were held back in it. */
    void tick() {
        String summary;
        synchronized (this) {
            summary = rollOver();
        }
        if (summary != null) {
            sink.accept(summary);
        }
    }

    /** @return the summary line of the minute just ended, if one is due and needed */
    private String rollOver() {
        long now = nanoTime.getAsLong();
        if (now - windowStart < WINDOW_NANOS) {
            return null;
        }
        String summary = suppressed == 0 ? null : suppressed + " more ICAP warnings in the last minute were not"
                + " logged (the error counters include them)";
        windowStart = now;
        written = 0;
        suppressed = 0;
        return summary;
    }
}
