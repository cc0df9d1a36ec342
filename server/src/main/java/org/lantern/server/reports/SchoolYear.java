package org.lantern.server.reports;

import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;

/**
 * A UK school year, 1 September to 31 August, named by the calendar year it starts in:
 * {@code new SchoolYear(2024)} is the year 2024/25. Reports take this number because a school
 * year straddles two calendar years and governors report on school years, not calendar years.
 *
 * @param startYear the calendar year the school year starts in, in September
 */
public record SchoolYear(int startYear) {

    /** The earliest and latest years a report can be asked for: enough for any real school. */
    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    public SchoolYear {
        if (startYear < FIRST || startYear > LAST) {
            throw new IllegalArgumentException("A school year must start between " + FIRST + " and " + LAST);
        }
    }

    /** The school year a date falls in. */
    public static SchoolYear containing(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /** The school year today falls in, in the school's time zone. */
    public static SchoolYear current() {
        return containing(People.today());
    }

    /** 1 September, the first day. */
    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.SEPTEMBER, 1);
    }

    /** 31 August, the last day. */
    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.AUGUST, 31);
    }

    /** Midnight at the start of 1 September, school time: the first instant of the year. */
    public OffsetDateTime start() {
        return firstDay().atStartOfDay(SchoolTime.ZONE).toOffsetDateTime();
    }

    /** Midnight at the start of the next 1 September: the first instant after the year. */
    public OffsetDateTime end() {
        return next().start();
    }

    /** The following school year. */
    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    /** The twelve months, September first. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(startYear, Month.SEPTEMBER); months.size() < 12; m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** How a school writes it: "2024/25". */
    public String label() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }

    @Override
    public String toString() {
        return label();
    }
}
