package org.lantern.server.http;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The school's clock: its time zone, and how every page and message writes a time or a date. One
 * place for both, so no page shows UTC or an ISO timestamp while the next shows school time, and
 * features do not each keep a copy of the zone.
 */
public final class SchoolTime {

    /** The school's time zone: dates on records, deadlines and registers are school calendar dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /**
     * Three-letter months, "Sep" for September: the JDK's British English data writes "Sept", but
     * the pages' templates write "Sep", and a date in a mail or a PDF should read as it does on the page.
     */
    private static final Map<Long, String> SHORT_MONTHS = Arrays.stream(Month.values()).collect(Collectors.toMap(
            m -> (long) m.getValue(), m -> m.getDisplayName(TextStyle.FULL, Locale.UK).substring(0, 3)));

    private static final DateTimeFormatter WHEN = pattern("d MMM yyyy HH:mm").withZone(ZONE);
    private static final DateTimeFormatter DAY = pattern("d MMM yyyy");

    private SchoolTime() {
    }

    /**
     * @param at an instant, or a date-time with an offset or zone (turned to school time); a local
     *           date-time is taken as school time already
     * @return e.g. "3 Mar 2026 09:00"; empty for null
     */
    public static String when(TemporalAccessor at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** @return e.g. "3 Mar 2026"; empty for null */
    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /**
     * A British formatter of {@code pattern} whose short month ({@code MMM}) is written as the
     * templates write it, "Sep" rather than "Sept".
     */
    public static DateTimeFormatter pattern(String pattern) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
        String[] parts = pattern.split("(?<!M)MMM(?!M)", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                builder.appendText(ChronoField.MONTH_OF_YEAR, SHORT_MONTHS);
            }
            if (!parts[i].isEmpty()) {
                builder.appendPattern(parts[i]);
            }
        }
        return builder.toFormatter(Locale.UK);
    }

    /** @return today in the school's time zone */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
