package org.lantern.server.http;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer for every file Lantern exports (reports, the change-control log, the evidence
 * pack's manifest and custody files). Such files are opened in spreadsheets by the DSL, the police
 * or the local authority and carry text typed by others (names, file names, descriptions, URLs), so
 * every cell is written through {@link #cell}: a caller cannot forget to, as it could when each
 * export neutralised its own cells. Numbers are written as they are, so a count stays a number.
 */
public final class SafeCsv implements Closeable {

    private final CSVPrinter printer;

    private SafeCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** A writer onto {@code out}, which it closes when it is closed. */
    public static SafeCsv over(Appendable out) throws IOException {
        return new SafeCsv(new CSVPrinter(out, CSVFormat.DEFAULT));
    }

    /** A whole file in memory, UTF-8: the header, then each row. */
    public static byte[] toBytes(List<String> header, List<? extends List<?>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SafeCsv csv = over(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            csv.row(header);
            for (List<?> row : rows) {
                csv.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Writes one row; null is an empty cell. */
    public void row(Object... cells) throws IOException {
        row(Arrays.asList(cells));
    }

    /** Writes one row; null is an empty cell. */
    public void row(List<?> cells) throws IOException {
        for (Object value : cells) {
            printer.print(value instanceof Number ? value : cell(value == null ? null : value.toString()));
        }
        printer.println();
    }

    /**
     * A text cell a spreadsheet will not run: one starting with a formula character gets a leading
     * apostrophe (OWASP CSV injection).
     */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
