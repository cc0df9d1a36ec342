package org.lantern.server.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

import org.lantern.server.reports.SchoolYear;
import org.lantern.server.terms.TermDates;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo school's term dates for the school year it is seeded in, in the pattern most English
 * local authorities follow, so they are right for whichever year the demo is started in: the
 * autumn term from the first weekday of September (two INSET days first) to the last Friday
 * before 21 December, with half-term in the last full week of October; the spring term from the
 * first Monday after New Year (an INSET day first) to the day before Good Friday, with half-term
 * in the week after 12 February; the summer term from the second Monday after Easter Monday to
 * 21 July, with the May Day bank holiday and half-term in the week of the late-May bank holiday.
 * Entered through {@link TermDates}, so they are audited as the school's own would be; a year
 * that already has a term is left as it is, so telling the story again adds nothing.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
@Order(5)
class DemoTermDates implements DemoRegister {

    private static final String BY = "dsl";

    private final TermDates terms;

    DemoTermDates(TermDates terms) {
        this.terms = terms;
    }

    @Override
    public void seed(DemoCalendar calendar) {
        SchoolYear year = calendar.currentYear();
        if (terms.terms().stream().anyMatch(t -> !t.endsOn().isBefore(year.firstDay()) && !t.startsOn().isAfter(year.lastDay()))) {
            return;
        }
        int autumnYear = year.startYear();
        int springYear = autumnYear + 1;

        LocalDate autumnStart = weekdayOnOrAfter(LocalDate.of(autumnYear, Month.SEPTEMBER, 1));
        LocalDate octoberHalfTerm = LocalDate.of(autumnYear, Month.OCTOBER, 31)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY)).minusDays(4);
        LocalDate autumnEnd = LocalDate.of(autumnYear, Month.DECEMBER, 20)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        term("Autumn term " + autumnYear, autumnStart, autumnEnd, octoberHalfTerm);
        terms.addClosure("INSET", "Staff training", autumnStart.toString(), nextWeekday(autumnStart).toString(), BY);

        LocalDate goodFriday = easterSunday(springYear).minusDays(2);
        LocalDate springStart = LocalDate.of(springYear, Month.JANUARY, 3).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate februaryHalfTerm = LocalDate.of(springYear, Month.FEBRUARY, 12)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        term("Spring term " + springYear, springStart, goodFriday.minusDays(1), februaryHalfTerm);
        terms.addClosure("INSET", "Staff training", springStart.toString(), "", BY);

        LocalDate summerStart = goodFriday.plusDays(3).plusWeeks(2);
        LocalDate mayDay = LocalDate.of(springYear, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        LocalDate mayHalfTerm = LocalDate.of(springYear, Month.MAY, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
        LocalDate summerEnd = LocalDate.of(springYear, Month.JULY, 21);
        term("Summer term " + springYear, summerStart, summerEnd.getDayOfWeek().getValue() > 5
                ? summerEnd.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY)) : summerEnd, mayHalfTerm);
        terms.addClosure("HOLIDAY", "May Day bank holiday", mayDay.toString(), "", BY);
    }

    private void term(String name, LocalDate start, LocalDate end, LocalDate halfTermMonday) {
        terms.addTerm(name, start.toString(), end.toString(), halfTermMonday.toString(),
                halfTermMonday.plusDays(4).toString(), BY);
    }

    private static LocalDate weekdayOnOrAfter(LocalDate day) {
        return day.getDayOfWeek().getValue() > 5 ? day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : day;
    }

    private static LocalDate nextWeekday(LocalDate day) {
        return weekdayOnOrAfter(day.plusDays(1));
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
