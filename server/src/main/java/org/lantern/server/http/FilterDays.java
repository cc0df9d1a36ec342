package org.lantern.server.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The {@code from} and {@code to} days typed into a report's filters (alerts, bypass attempts), read
 * the same way on the page and in the API so that a mistyped day gets the same plain message
 * wherever it was typed.
 */
public final class FilterDays {

    private FilterDays() {
    }

    /**
     * A {@code YYYY-MM-DD} day; null when blank, or when unreadable, and then a problem naming the field.
     *
     * @param field  the field as the page labels it, e.g. "From"
     * @param errors where the problem goes
     */
    public static LocalDate parse(String field, String text, List<String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field + ": '" + text + "' is not a date (YYYY-MM-DD).");
            return null;
        }
    }
}
