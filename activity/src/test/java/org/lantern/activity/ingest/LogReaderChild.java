package org.lantern.activity.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Reads a Squid log in a child JVM with a small heap for {@link LogReaderMemoryTest}, keeping no
 * rows, and prints {@code rows bad nextOffset}.
 */
public final class LogReaderChild {

    private LogReaderChild() {}

    /**
     * @param args the log file
     * @throws Exception when it cannot be read
     */
    public static void main(String[] args) throws Exception {
        LogReader reader = new LogReader(new SquidAccessLog(),
                Clock.fixed(Instant.parse("2025-12-06T12:00:00Z"), ZoneOffset.UTC));
        long[] batched = new long[1];
        LogReader.Result result = reader.read(Path.of(args[0]), LogReader.Position.START,
                b -> batched[0] += b.rows().size());
        System.out.println(batched[0] + " " + result.bad() + " " + result.next().offset());
    }
}
