package org.lantern.server.retention;

import java.time.LocalDate;
import java.time.Period;

import org.lantern.server.reports.SchoolYear;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the school keeps its activity log ({@code lantern.retention.activity-log.period}, an
 * ISO-8601 period such as {@code P90D}). Unlike the records on the review list, the log is
 * enforced by whole days every night: it is monitoring data about every pupil, far too much to
 * review by hand, and keeping it past the period the school chose would itself break data
 * protection law.
 *
 * <p>Without a period the default is <em>the current school year plus one term</em>: the log keeps
 * every day from the start of the summer term before the current {@link SchoolYear} began. The
 * summer term is taken to start on 1 April, before any English school's summer term starts, so
 * no school loses a day of that term to the rule: on 6 December 2026 (school year 2026/27) the
 * first day kept is 1 April 2026. The previous term's activity is kept because a concern raised in
 * September often needs the end of the last year behind it.
 *
 * @param period how long a day is kept, counted back from today; {@code null} for the default
 */
@ConfigurationProperties(prefix = "lantern.retention.activity-log")
public record ActivityLogRetentionProperties(Period period) {

    /** Rejects a period that would keep nothing or run backwards. */
    public ActivityLogRetentionProperties {
        if (period != null && (period.isNegative() || period.isZero())) {
            throw new IllegalArgumentException("lantern.retention.activity-log.period must be longer than nothing, e.g. P90D");
        }
    }

    /**
     * @param today the school's today
     * @return the first day the log keeps on {@code today}; every earlier day is deleted
     */
    public LocalDate firstKeptDay(LocalDate today) {
        if (period != null) {
            return today.minus(period);
        }
        return RetentionRules.schoolYearAndTermBefore(today);
    }

    /** @return what the log keeps, in words for the retention page */
    public String describe() {
        return period == null ? RetentionRules.SCHOOL_YEAR_AND_TERM
                : "the last " + words(period);
    }

    private static String words(Period p) {
        if (p.getYears() == 0 && p.getMonths() == 0) {
            return p.getDays() + (p.getDays() == 1 ? " day" : " days");
        }
        if (p.getYears() == 0 && p.getDays() == 0) {
            return p.getMonths() + (p.getMonths() == 1 ? " month" : " months");
        }
        if (p.getMonths() == 0 && p.getDays() == 0) {
            return p.getYears() + (p.getYears() == 1 ? " year" : " years");
        }
        return p.toString();
    }
}
