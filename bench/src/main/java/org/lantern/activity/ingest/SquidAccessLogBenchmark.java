package org.lantern.activity.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.lantern.activity.ActivityRow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading Squid's access.log into activity rows on one core, the target being a million
 * lines a second. {@code readFile} is the whole ingest read of a generated 2,000,000-line log
 * ({@link SquidLogGenerator}, from the shared request stream): file reads, line scanning and
 * checks, parsing, rows handed on in batches; its score is lines per second. {@code parseLine}
 * is the parser alone on the first 200,000 lines already in memory, to tell parsing from the rest.
 * {@code bench/squid-log-parse.sh} runs both beside {@code wc -l} on the same file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class SquidAccessLogBenchmark {

    static final int LINES = SquidLogGenerator.DEFAULT_LINES;
    static final int IN_MEMORY_LINES = 200_000;

    /** After the generated log's last line, so that no line is refused as "a day ahead". */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-07T00:00:00Z"), ZoneOffset.UTC);

    private Path file;
    private byte[] memory;
    private int[] lineStarts;
    private SquidAccessLog parser;

    /**
     * Generates the log if it is not there, and loads its head.
     *
     * @throws IOException when the log cannot be written or read
     */
    @Setup
    public void setUp() throws IOException {
        file = SquidLogGenerator.ensure(SquidLogGenerator.defaultFile(LINES), LINES);
        byte[] head = new byte[64 << 20];
        int len;
        try (var in = Files.newInputStream(file)) {
            len = in.readNBytes(head, 0, head.length);
        }
        lineStarts = new int[IN_MEMORY_LINES + 1];
        int n = 0;
        for (int i = 0; i < len && n < IN_MEMORY_LINES; i++) {
            if (head[i] == '\n') {
                lineStarts[++n] = i + 1;
            }
        }
        if (n < IN_MEMORY_LINES) {
            throw new IllegalStateException("the log's first 64 MB hold only " + n + " lines");
        }
        memory = Arrays.copyOf(head, lineStarts[n]);
        parser = new SquidAccessLog();
    }

    /**
     * @param bh takes every row, so none is optimised away
     * @return the result of the read
     * @throws IOException when the log cannot be read
     */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public LogReader.Result readFile(Blackhole bh) throws IOException {
        LogReader reader = new LogReader(new SquidAccessLog(), CLOCK);
        LogReader.Result result = reader.read(file, LogReader.Position.START, bh::consume);
        if (result.rows() + result.bad() + result.skipped() != LINES) {
            throw new IllegalStateException("read " + result);
        }
        return result;
    }

    /**
     * @param bh takes every row
     * @throws BadLineException never: the generated lines are all good
     */
    @Benchmark
    @OperationsPerInvocation(IN_MEMORY_LINES)
    public void parseLine(Blackhole bh) throws BadLineException {
        for (int i = 0; i < IN_MEMORY_LINES; i++) {
            ActivityRow row = parser.parse(memory, lineStarts[i], lineStarts[i + 1] - 1, true);
            bh.consume(row);
        }
    }
}
