package org.lantern.server.registers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Reads the registers' typed dates and numbers, refusing what cannot be read with a sentence that says so. */
public final class RegisterForms {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private RegisterForms() {
    }

    /**
     * A date as a date picker (2026-09-01) or a UK spreadsheet (1/9/2026) writes it, for the registers'
     * imports: each says in its own words, with its line or column, what it could not read.
     *
     * @throws DateTimeParseException when it is neither
     */
    public static LocalDate pickerOrSpreadsheetDate(String text) {
        return text.contains("/") ? LocalDate.parse(text, UK_DATE) : LocalDate.parse(text);
    }

    /**
     * A date typed as {@code 2026-09-01} (what a date picker and the API send), or null when blank.
     *
     * @throws RegisterException when it is not such a date
     */
    public static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw RegisterException.of("'" + text.strip() + "' is not a date: use the date picker, or the form 2026-09-01.");
        }
    }

    /**
     * A whole number, or null when blank.
     *
     * @param what what it counts, e.g. "months"
     * @throws RegisterException when it is not a whole number
     */
    public static Integer number(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw RegisterException.of("'" + text.strip() + "' is not a number of " + what + ".");
        }
    }
}
