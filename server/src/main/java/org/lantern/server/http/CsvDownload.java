package org.lantern.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;

/**
 * A CSV file sent as a download by the pages that export one (the bypass-attempt report, the
 * change-control log). Such files are opened in spreadsheets and carry text from outside Lantern
 * (names, user names, typed reasons), so every text cell goes through {@link #cell}; a request
 * whose filters could not be read gets the problems as plain text rather than an empty file.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /**
     * Answers 400 with the problems, one a line, when there are any.
     *
     * @return whether the request was refused, and so nothing more may be written
     */
    public static boolean refused(HttpServletResponse response, List<String> errors) throws IOException {
        if (errors.isEmpty()) {
            return false;
        }
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType("text/plain");
        response.getWriter().write(String.join("\n", errors) + "\n");
        return true;
    }

    /** Starts the UTF-8 attachment {@code filename}; the caller prints the rows and closes the printer. */
    public static CSVPrinter attachment(HttpServletResponse response, String filename) throws IOException {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/csv");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return new CSVPrinter(response.getWriter(), CSVFormat.DEFAULT);
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
}
