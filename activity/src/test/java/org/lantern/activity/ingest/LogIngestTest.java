package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.activity.ingest.LogReaderTest.line;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.activity.ActivityStore.SourcePosition;
import org.lantern.activity.store.DuckDbActivityStore;

/** One file into the store, exactly once, resumed from where the store says it got to. */
class LogIngestTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-12-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path log;
    DuckDbActivityStore store;

    @BeforeEach
    void open() throws IOException {
        log = dir.resolve("access.log");
        store = DuckDbActivityStore.open(dir.resolve("activity.duckdb"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private LogIngest ingest(int batchRows) {
        return new LogIngest(store, new LogReader(new SquidAccessLog(), NOW, batchRows, 1024, 4096));
    }

    private static String lines(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int n = from; n <= to; n++) {
            s.append(line(n));
        }
        return s.toString();
    }

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static Long[] markers(int from, int to) {
        return LongStream.rangeClosed(from, to).boxed().toArray(Long[]::new);
    }

    @Test
    void theSameFileTwiceStoresNothingTheSecondTime() throws IOException {
        append(log, lines(1, 25));
        LogIngest.Report first = ingest(4).ingest(log);

        LogIngest.Report second = ingest(4).ingest(log);

        assertThat(first.rowsStored()).isEqualTo(25);
        assertThat(second.rowsStored()).isZero();
        assertThat(second.duplicatesSkipped()).isZero();
        assertThat(second.from()).isEqualTo(first.next()).isEqualTo(new LogReader.Position(Files.size(log), 26));
        assertThat(StoredRows.markers(store)).containsExactlyInAnyOrder(markers(1, 25));
    }

    @ParameterizedTest(name = "{0} rows a batch, then {1}")
    @CsvSource({"4, 4", "4, 7", "7, 3", "100, 1"})
    void aGrowingFileIsStoredOnceWhateverTheBatchesAndAHalfWrittenLineWaitsForItsEnd(int before, int after)
            throws IOException {
        String eleventh = line(11);
        append(log, lines(1, 10) + eleventh.substring(0, 30));

        LogIngest.Report first = ingest(before).ingest(log);
        append(log, eleventh.substring(30) + lines(12, 20));
        LogIngest.Report second = ingest(after).ingest(log);

        assertThat(first.rowsStored()).isEqualTo(10);
        assertThat(first.next()).isEqualTo(new LogReader.Position(lines(1, 10).length(), 11));
        assertThat(second.from()).isEqualTo(first.next());
        assertThat(second.rowsStored()).isEqualTo(10);
        assertThat(StoredRows.markers(store)).containsExactlyInAnyOrder(markers(1, 20));
    }

    /**
     * The fault this guards against: a caller that kept its own offset, older than the store's,
     * re-reads from it; the reader cuts the re-read's batches differently (its last batch ends at
     * the end of the file), so their ids differ from the stored ones and once stored rows twice.
     */
    @Test
    void aReReadFromAnOlderOffsetStoresNoRowTwice() throws IOException {
        append(log, lines(1, 10));
        ingest(4).ingest(log);
        append(log, lines(11, 15));
        List<String> refused = new ArrayList<>();
        List<Boolean> stored = new ArrayList<>();

        new LogReader(new SquidAccessLog(), NOW, 3, 1024, 4096).read(log,
                new LogReader.Position(lines(1, 4).length(), 5), batch -> {
                    try {
                        stored.add(store.append(batch.fileIdentity(), batch.start(),
                                new SourcePosition(batch.end(), batch.endLine()), batch.rows()));
                    } catch (IllegalStateException e) {
                        refused.add(e.getMessage());
                    }
                });

        // 5-7 and 8-10 were stored before; 11-13 starts where the store ended, so it follows.
        assertThat(stored).containsExactly(false, false, true, true);
        assertThat(refused).isEmpty();
        assertThat(StoredRows.markers(store)).containsExactlyInAnyOrder(markers(1, 15));
        assertThat(ingest(4).ingest(log).rowsStored()).isZero();
    }

    @Test
    void aRotatedFileStartsAgainAtItsStartAndTheOldOneKeepsItsPosition() throws IOException {
        append(log, lines(1, 10));
        LogIngest.Report before = ingest(4).ingest(log);
        append(log, lines(11, 12));
        Path rotated = dir.resolve("access.log.1");
        Files.move(log, rotated);
        append(log, lines(101, 105));

        LogIngest.Report fresh = ingest(4).ingest(log);
        LogIngest.Report rest = ingest(4).ingest(rotated);

        assertThat(fresh.fileIdentity()).isNotEqualTo(before.fileIdentity());
        assertThat(fresh.from()).isEqualTo(LogReader.Position.START);
        assertThat(fresh.rowsStored()).isEqualTo(5);
        assertThat(rest.fileIdentity()).isEqualTo(before.fileIdentity());
        assertThat(rest.from()).isEqualTo(before.next());
        assertThat(rest.rowsStored()).isEqualTo(2);
        assertThat(store.resumeFrom(before.fileIdentity()))
                .contains(new SourcePosition(Files.size(rotated), 13));
        assertThat(StoredRows.markers(store)).containsExactlyInAnyOrder(
                1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 101L, 102L, 103L, 104L, 105L);
    }

    @Test
    void reportsBadLinesWithTheirNumbersOnceEvenWhenTheyEndTheFile() throws IOException {
        append(log, lines(1, 3) + "not a log line\n" + lines(5, 6) + "\n" + "also not a log line\n");

        LogIngest.Report first = ingest(4).ingest(log);
        LogIngest.Report second = ingest(4).ingest(log);

        assertThat(first.rowsStored()).isEqualTo(5);
        assertThat(first.bad()).isEqualTo(2);
        assertThat(first.skipped()).isEqualTo(1);
        assertThat(first.badLines()).extracting(LogReader.BadLine::line).containsExactly(4L, 8L);
        assertThat(second.bad()).isZero();
        assertThat(second.badLines()).isEmpty();
        assertThat(second.from()).isEqualTo(new LogReader.Position(Files.size(log), 9));
    }

    @Test
    void aFileWithoutACompleteFirstLineIsLeftForLater() throws IOException {
        append(log, line(1).substring(0, 20));

        LogIngest.Report report = ingest(4).ingest(log);

        assertThat(report.fileIdentity()).isNull();
        assertThat(report.rowsStored()).isZero();
        assertThat(store.size()).isZero();
    }
}
