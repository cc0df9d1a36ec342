package org.lantern.server.registers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the registers' typed dates and numbers, refusing what cannot be read with a sentence that says so. */
public final class RegisterForms {

    private RegisterForms() {
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
