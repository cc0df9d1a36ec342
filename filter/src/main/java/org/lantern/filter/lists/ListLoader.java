package org.lantern.filter.lists;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lantern.filter.lists.FileReport.LineProblem;
import org.lantern.filter.match.InvalidEntryException;
import org.lantern.filter.match.ListId;

/**
 * Imports category lists in the UT1 / squidGuard directory layout. Bad lines (invalid UTF-8,
 * control characters, over-long lines, invalid hosts, patterns RE2 cannot compile) are skipped
 * and counted with their line numbers, never fatal, because every real list release has some.
 * Lines starting with {@code #} and blank lines are ignored; in {@code domains} and {@code urls}
 * only the first whitespace-separated token is used, as squidGuard does.
 */
public final class ListLoader {

    /** Longest line accepted, in bytes; no real host or URL entry comes near it. */
    public static final int MAX_LINE_BYTES = 4096;

    /** How many rejected lines each {@link FileReport} keeps for the report. */
    public static final int PROBLEMS_KEPT = 5;

    /** Creates a loader; it holds no state. */
    public ListLoader() {}

    /**
     * Loads several sources into one new snapshot.
     *
     * @param sources the sources, in order
     * @return the snapshot with every source's entries and provenance
     * @throws IOException if a source directory or a list file cannot be read at all
     */
    public CategoryLists load(List<ListSource> sources) throws IOException {
        CategoryLists.Builder builder = CategoryLists.builder();
        for (ListSource source : sources) {
            loadInto(source, builder);
        }
        return builder.build();
    }

    /**
     * Loads one source into a builder, so callers can add local entries to the same snapshot.
     *
     * @param source the source
     * @param builder the snapshot being built; the source's report is recorded in it
     * @return the source's report
     * @throws IOException if the source directory or a list file cannot be read at all
     */
    public SourceReport loadInto(ListSource source, CategoryLists.Builder builder) throws IOException {
        List<Path> categories;
        try (Stream<Path> children = Files.list(source.root())) {
            categories = children.filter(Files::isDirectory).sorted().toList();
        }
        List<FileReport> files = new ArrayList<>();
        for (Path category : categories) {
            List<Path> listFiles;
            try (Stream<Path> children = Files.list(category)) {
                listFiles = children.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : listFiles) {
                Optional<ListKind> kind = ListKind.ofFileName(file.getFileName().toString());
                if (kind.isPresent()) {
                    ListId list = new ListId(category.getFileName().toString(), source.name());
                    files.add(loadFile(file, list, kind.get(), builder));
                }
            }
        }
        SourceReport report = new SourceReport(source, files);
        builder.report(report);
        return report;
    }

    /**
     * Loads one list file.
     *
     * @param file the file
     * @param list the list its entries belong to
     * @param kind the kind of entries it holds
     * @param builder the snapshot being built
     * @return what was accepted and skipped
     * @throws IOException if the file cannot be read at all
     */
    public FileReport loadFile(Path file, ListId list, ListKind kind, CategoryLists.Builder builder)
            throws IOException {
        LineReader lines = new LineReader();
        int[] accepted = {0};
        int[] skipped = {0};
        List<LineProblem> problems = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            lines.read(
                    in,
                    (lineNumber, text, problem) -> {
                        String reason = problem;
                        if (reason == null) {
                            String entry = kind == ListKind.EXPRESSIONS ? text : firstToken(text);
                            try {
                                builder.add(list, kind, entry);
                                accepted[0]++;
                                return;
                            } catch (InvalidEntryException | RuntimeException e) {
                                reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                            }
                        }
                        skipped[0]++;
                        if (problems.size() < PROBLEMS_KEPT) {
                            problems.add(new LineProblem(lineNumber, reason));
                        }
                    });
        }
        return new FileReport(list.category(), kind, file, accepted[0], skipped[0], problems);
    }

    private static String firstToken(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /** Receives each meaningful line, or the reason it could not be read. */
    private interface LineSink {
        void accept(int lineNumber, String text, String problem);
    }

    /**
     * Splits bytes into lines and decodes them strictly, so one bad line is one skipped entry
     * rather than silently mangled text or a failed file.
     */
    private static final class LineReader {

        private final CharsetDecoder utf8 =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);

        void read(InputStream in, LineSink sink) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            boolean tooLong = false;
            int lineNumber = 1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    emit(lineNumber++, line, tooLong, sink);
                    line.reset();
                    tooLong = false;
                } else if (line.size() >= MAX_LINE_BYTES) {
                    tooLong = true;
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0 || tooLong) {
                emit(lineNumber, line, tooLong, sink);
            }
        }

        private void emit(int lineNumber, ByteArrayOutputStream bytes, boolean tooLong, LineSink sink) {
            if (tooLong) {
                sink.accept(lineNumber, null, "line longer than " + MAX_LINE_BYTES + " bytes");
                return;
            }
            String text;
            try {
                text = utf8.reset().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                sink.accept(lineNumber, null, "invalid UTF-8");
                return;
            }
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
                return;
            }
            for (int i = 0; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    sink.accept(lineNumber, null, String.format("control character U+%04X", (int) c));
                    return;
                }
            }
            sink.accept(lineNumber, trimmed, null);
        }
    }
}
