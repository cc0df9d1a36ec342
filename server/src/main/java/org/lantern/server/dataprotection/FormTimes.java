package org.lantern.server.dataprotection;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.lantern.server.http.SchoolTime;

/** Reads the date and time fields of forms (data protection, the devices register), which are in school time. */
public final class FormTimes {

    private FormTimes() {
    }

    /** A {@code datetime-local} value as school time; null when blank, a problem when unreadable. */
    public static OffsetDateTime dateTime(String value, String what, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(SchoolTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            problems.add(what + " must be a date and time, e.g. 2025-03-14T10:30.");
            return null;
        }
    }

    /** A {@code date} value; null when blank, a problem when unreadable. */
    public static LocalDate date(String value, String what, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(what + " must be a date, e.g. 2025-03-14.");
            return null;
        }
    }

    /** A whole number; null when blank, a problem when unreadable. */
    public static Integer number(String value, String what, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(what + " must be a whole number.");
            return null;
        }
    }
}
