package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.activity.ActivityRow;

class LogReaderTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-12-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final List<LogReader.Batch> batches = new ArrayList<>();

    /** @return a good Squid line for request {@code n}, with its newline */
    static String line(int n) {
        return "1765016400." + String.format("%03d", n % 1000) + "     12 10.0.0." + (n % 250) + " TCP_MISS/200 " + n
                + " GET http://site" + (n % 500) + ".example.com/page - HIER_DIRECT/10.0.0.1 text/html\n";
    }

    private LogReader reader() {
        return new LogReader(new SquidAccessLog(), NOW);
    }

    private List<ActivityRow> rows() {
        return batches.stream().flatMap(b -> b.rows().stream()).toList();
    }

    private Path write(byte[]... parts) throws IOException {
        Path file = dir.resolve("access.log");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
        return file;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> badLineKinds() {
        byte[] junk = {0, 1, 2, 3, (byte) 0xff, 0x7f, 'x', 0x1b, '\n'};
        byte[] huge = new byte[1 << 20];
        Arrays.fill(huge, (byte) 'a');
        huge[huge.length - 1] = '\n';
        byte[] invalidUtf8 = bytes(line(7).replace("/page", "/p\u00e9ge"));
        // é is C3 A9 in UTF-8; C3 followed by '(' is no character at all
        for (int i = 0; i < invalidUtf8.length - 1; i++) {
            if (invalidUtf8[i] == (byte) 0xc3) {
                invalidUtf8[i + 1] = '(';
            }
        }
        return Stream.of(
                Arguments.of("binary junk", junk, "binary data (control bytes)"),
                Arguments.of("a 1 MB line", huge, "longer than 65536 bytes"),
                Arguments.of("invalid UTF-8", invalidUtf8, "not valid UTF-8"),
                Arguments.of("a date in 1970", bytes(line(7).replace("1765016400.", "86400.")),
                        "time 1970-01-02T00:00:00.007Z is before 1971"),
                Arguments.of("a date after tomorrow", bytes(line(7).replace("1765016400.", "1765209600.")),
                        "time 2025-12-08T16:00:00.007Z is more than a day ahead"),
                Arguments.of("an unparsable field", bytes(line(7).replace("TCP_MISS/200", "TCP_MISS/OK")),
                        "result code/status is not CODE/status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLineKinds")
    void countsABadLineWithItsNumberAndReadsOn(String kind, byte[] badLine, String reason) throws IOException {
        Path file = write(bytes(line(1)), bytes(line(2)), badLine, bytes(line(4)));

        LogReader.Result result = reader().read(file, LogReader.Position.START, batches::add);

        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.bad()).isEqualTo(1);
        assertThat(result.badLines()).containsExactly(
                new LogReader.BadLine(3, line(1).length() + line(2).length(), reason));
        assertThat(rows()).extracting(ActivityRow::bytes).containsExactly(1L, 2L, 4L);
        assertThat(result.next()).isEqualTo(new LogReader.Position(Files.size(file), 5));
    }

    @Test
    void leavesAHalfWrittenLastLineForTheNextRead() throws IOException {
        String third = line(3);
        Path file = write(bytes(line(1) + line(2) + third.substring(0, 40)));

        LogReader.Result first = reader().read(file, LogReader.Position.START, batches::add);

        long twoLines = line(1).length() + line(2).length();
        assertThat(first.rows()).isEqualTo(2);
        assertThat(first.bad()).isZero();
        assertThat(first.next()).isEqualTo(new LogReader.Position(twoLines, 3));

        Files.write(file, bytes(third.substring(40)), StandardOpenOption.APPEND);
        batches.clear();
        LogReader.Result second = reader().read(file, first.next(), batches::add);

        assertThat(second.rows()).isEqualTo(1);
        assertThat(second.bad()).isZero();
        assertThat(rows()).extracting(ActivityRow::bytes).containsExactly(3L);
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(twoLines);
            assertThat(b.end()).isEqualTo(Files.size(file));
        });
        assertThat(second.next()).isEqualTo(new LogReader.Position(Files.size(file), 4));
    }

    @Test
    void resumingFromAnOffsetGivesExactlyTheRest() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int n = 1; n <= 25; n++) {
            all.append(line(n));
        }
        Path file = write(bytes(all.toString()));
        LogReader small = new LogReader(new SquidAccessLog(), NOW, 4, 1024, 4096);
        small.read(file, LogReader.Position.START, batches::add);
        List<ActivityRow> everything = rows();
        LogReader.Batch third = batches.get(2);

        List<LogReader.Batch> rest = new ArrayList<>();
        LogReader.Result result = small.read(file, new LogReader.Position(third.end(), 13), rest::add);

        assertThat(rest.stream().flatMap(b -> b.rows().stream()).toList()).isEqualTo(everything.subList(12, 25));
        assertThat(result.rows()).isEqualTo(13);
        assertThat(rest.get(0).start()).isEqualTo(third.end());
        assertThat(rest.get(0).id()).isEqualTo(batches.get(3).id());
    }

    @Test
    void batchesCoverTheFileEndToEndAndAreNamedByIdentityAndRange() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int n = 1; n <= 10; n++) {
            all.append(line(n));
        }
        Path file = write(bytes(all.toString()));

        new LogReader(new SquidAccessLog(), NOW, 3, 1024, 4096).read(file, LogReader.Position.START, batches::add);

        String identity = FileIdentity.of(file);
        assertThat(batches).extracting(b -> b.rows().size()).containsExactly(3, 3, 3, 1);
        assertThat(batches.get(0).start()).isZero();
        for (int i = 1; i < batches.size(); i++) {
            assertThat(batches.get(i).start()).isEqualTo(batches.get(i - 1).end());
        }
        assertThat(batches.get(3).end()).isEqualTo(Files.size(file));
        assertThat(batches.get(1).id()).isEqualTo(identity + ":" + batches.get(1).start() + "-" + batches.get(1).end());
        assertThat(batches.get(1).id()).hasSizeLessThan(200);
    }

    @Test
    void aLongLineCutAcrossBufferRefillsIsStillOneBadLine() throws IOException {
        byte[] longLine = new byte[10_000];
        Arrays.fill(longLine, (byte) 'z');
        longLine[longLine.length - 1] = '\n';
        Path file = write(bytes(line(1)), longLine, bytes(line(3)));

        LogReader.Result result = new LogReader(new SquidAccessLog(), NOW, 100, 512, 1024)
                .read(file, LogReader.Position.START, batches::add);

        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.badLines()).extracting(LogReader.BadLine::line, LogReader.BadLine::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "longer than 512 bytes"));
        assertThat(rows()).extracting(ActivityRow::bytes).containsExactly(1L, 3L);
    }

    @Test
    void readsCarriageReturnLineEndingsAndCountsBlankLinesAsSkipped() throws IOException {
        Path file = write(bytes(line(1).replace("\n", "\r\n") + "\n" + line(3)));

        LogReader.Result result = reader().read(file, LogReader.Position.START, batches::add);

        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(rows().get(0).url()).isEqualTo("http://site1.example.com/page");
    }

    @Test
    void reportsOnlyTheFirstHundredBadLinesButCountsThemAll() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 1; n <= 250; n++) {
            out.writeBytes(bytes("not a log line\n"));
        }
        Path file = write(out.toByteArray());

        LogReader.Result result = reader().read(file, LogReader.Position.START, batches::add);

        assertThat(result.bad()).isEqualTo(250);
        assertThat(result.badLines()).hasSize(LogReader.MAX_REPORTED_BAD_LINES);
        assertThat(result.badLines().get(99).line()).isEqualTo(100);
        assertThat(batches).isEmpty();
        assertThat(result.next().offset()).isEqualTo(Files.size(file));
    }

    @Test
    void readsNothingOfAFileWithoutACompleteFirstLine() throws IOException {
        Path file = write(bytes(line(1).substring(0, 30)));

        LogReader.Result result = reader().read(file, LogReader.Position.START, batches::add);

        assertThat(result.fileIdentity()).isNull();
        assertThat(result.next()).isEqualTo(LogReader.Position.START);
        assertThat(batches).isEmpty();
    }

    @Test
    void refusesAnOffsetBeyondTheEndOfAFileThatWasTruncated() throws IOException {
        Path file = write(bytes(line(1)));

        assertThatThrownBy(() -> reader().read(file, new LogReader.Position(10_000, 50), batches::add))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("shorter than offset 10000");
    }

    @Test
    void holdsOneBufferWhateverTheFileSize() {
        assertThat(reader().bufferBytes()).isEqualTo(LogReader.DEFAULT_BUFFER_BYTES).isEqualTo(1 << 20);
    }
}
