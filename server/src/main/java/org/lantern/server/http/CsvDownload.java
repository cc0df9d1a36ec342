package org.lantern.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * A CSV file sent as a download by the pages that export one (the bypass-attempt report, the
 * change-control log). Such files are opened in spreadsheets and carry text from outside Lantern
 * (names, user names, typed reasons), so it is written through {@link SafeCsv}; a request
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

    /** Starts the UTF-8 attachment {@code filename}; the caller writes the rows and closes the writer. */
    public static SafeCsv attachment(HttpServletResponse response, String filename) throws IOException {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/csv");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return SafeCsv.over(response.getWriter());
    }
}
