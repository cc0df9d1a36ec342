package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.activity.ingest.LogReaderTest.line;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.activity.store.DuckDbActivityStore;

/**
 * Resuming after a crash stores every good line of a Squid log exactly once: a child JVM
 * ({@link LogIngestChild}) ingesting it is killed with {@code kill -9} at each batch boundary
 * (after the store accepted a batch, before the caller went on) and while a batch is being
 * appended; the ingest run again afterwards must leave one row per good line, each line's own.
 */
class LogIngestCrashTest {

    static final int BATCH_ROWS = 500;
    private static final int LINES = 3_000;
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-12-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path log;
    Path storeFile;
    List<Long> good = new ArrayList<>();

    static LogReader reader() {
        return new LogReader(new SquidAccessLog(), NOW, BATCH_ROWS, 4096, 1 << 16);
    }

    /** Lines marked by their number (the bytes field), one in 50 bad, so batches cover bad lines too. */
    @BeforeEach
    void generate() throws IOException {
        log = dir.resolve("access.log");
        storeFile = dir.resolve("activity.duckdb");
        try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int n = 1; n <= LINES; n++) {
                if (n % 50 == 0) {
                    out.write("garbled line " + n + "\n");
                } else {
                    out.write(line(n));
                    good.add((long) n);
                }
            }
        }
    }

    /** 2,940 good lines make 6 batches, the last one short; 6 is killed before the ingest returns. */
    @ParameterizedTest(name = "killed after {0} batches were stored")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void killedAtABatchBoundaryThenIngestedAgainStoresEveryGoodLineOnce(int batches) throws Exception {
        runAndKill("step", batches);

        assertExactlyOnce();
    }

    @ParameterizedTest(name = "killed while appending after {0} batches")
    @ValueSource(ints = {1, 4})
    void killedInTheMiddleOfAnAppendThenIngestedAgainStoresEveryGoodLineOnce(int batches) throws Exception {
        runAndKill("run", batches);

        assertExactlyOnce();
    }

    private void runAndKill(String mode, int batches) throws Exception {
        Process child = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                LogIngestChild.class.getName(), storeFile.toString(), log.toString(), mode)
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8);
                Writer in = child.outputWriter(StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).isEqualTo("open");
            for (int i = 0; i < batches; i++) {
                assertThat(out.readLine()).startsWith("stored ");
                if (i < batches - 1 && mode.equals("step")) {
                    in.write("go\n");
                    in.flush();
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private void assertExactlyOnce() throws IOException {
        try (DuckDbActivityStore store = DuckDbActivityStore.open(storeFile)) {
            long before = store.size();
            LogIngest.Report report = new LogIngest(store, reader()).ingest(log);

            assertThat(report.rowsStored()).isEqualTo(good.size() - before);
            assertThat(report.next()).isEqualTo(new LogReader.Position(Files.size(log), LINES + 1));
            assertThat(StoredRows.markers(store)).hasSize(good.size()).containsExactlyInAnyOrderElementsOf(good);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }
}
