package org.lantern.server.http;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The school's clock: its time zone, and how every page and message writes a time or a date. One
 * place for both, so no page shows UTC or an ISO timestamp while the next shows school time, and
 * features do not each keep a copy of the zone.
 */
public final class SchoolTime {

    /** The school's time zone: dates on records, deadlines and registers are school calendar dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

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

    /** @return today in the school's time zone */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
