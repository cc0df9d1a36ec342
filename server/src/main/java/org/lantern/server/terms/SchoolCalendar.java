package org.lantern.server.terms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which days pupils are in school: the school's open weekdays, inside a term, outside its
 * half-term, and not an INSET day or other closure. Pure, so it is tested with fixed dates. A
 * calendar with no terms is one the school has not kept: then only the weekdays count, as before
 * term dates were kept. A day after the last term entered is a holiday, since nothing says
 * otherwise; the term dates page warns when that day is near.
 *
 * @param terms    the terms, earliest first
 * @param closures the INSET days and closures, earliest first
 */
public record SchoolCalendar(List<SchoolTerm> terms, List<SchoolClosure> closures) {

    /** A calendar the school has not filled in. */
    public static final SchoolCalendar NONE = new SchoolCalendar(List.of(), List.of());

    public SchoolCalendar {
        terms = terms.stream().sorted(Comparator.comparing(SchoolTerm::startsOn)).toList();
        closures = closures.stream().sorted(Comparator.comparing(SchoolClosure::firstDay)).toList();
    }

    /** Whether the school has entered any term, so term dates count. */
    public boolean kept() {
        return !terms.isEmpty();
    }

    /**
     * Why pupils are not in school on a day, in words, or empty when they are.
     *
     * @param openDays the weekdays the school opens on
     */
    public Optional<String> closedBecause(LocalDate day, Set<DayOfWeek> openDays) {
        if (!openDays.contains(day.getDayOfWeek())) {
            return Optional.of(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK)
                    + ": not a school day of the week");
        }
        if (!kept()) {
            return Optional.empty();
        }
        Optional<SchoolTerm> term = terms.stream().filter(t -> t.covers(day)).findFirst();
        if (term.isEmpty()) {
            return Optional.of("school holiday (outside the terms)");
        }
        if (term.get().inHalfTerm(day)) {
            return Optional.of("half-term of the " + term.get().name());
        }
        return closures.stream().filter(c -> c.covers(day)).findFirst()
                .map(c -> c.kind().label() + ": " + c.name());
    }

    /** Whether pupils are in school on the day. */
    public boolean schoolDay(LocalDate day, Set<DayOfWeek> openDays) {
        return closedBecause(day, openDays).isEmpty();
    }

    /** Where a day falls in the school's year, in words for the term dates page, whatever its weekday. */
    public String describe(LocalDate day) {
        if (!kept()) {
            return "not in a term, since no term dates are kept";
        }
        Optional<SchoolTerm> term = terms.stream().filter(t -> t.covers(day)).findFirst();
        if (term.isEmpty()) {
            return "in the school holidays (outside the terms)";
        }
        if (term.get().inHalfTerm(day)) {
            return "in the half-term of the " + term.get().name();
        }
        return closures.stream().filter(c -> c.covers(day)).findFirst()
                .map(c -> "in the " + term.get().name() + ", but closed: " + c.kind().label() + " (" + c.name() + ")")
                .orElse("in the " + term.get().name());
    }

    /** The last day of the last term, or empty when no term is kept. */
    public Optional<LocalDate> lastTermDay() {
        return terms.stream().map(SchoolTerm::endsOn).max(Comparator.naturalOrder());
    }
}
