package org.lantern.server.terms;

import java.time.LocalDate;

/**
 * One of the school's terms, with the half-term holiday inside it if it has one. Pupils are in
 * school on the term's days from its first to its last, both included, except the half-term and
 * any {@link SchoolClosure closure}.
 *
 * @param id            its number
 * @param name          what the school calls it, e.g. "Autumn term 2026"
 * @param startsOn      its first day
 * @param endsOn        its last day
 * @param halfTermStart the first day of its half-term holiday, or {@code null}
 * @param halfTermEnd   the last day of its half-term holiday, or {@code null}
 */
public record SchoolTerm(long id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate halfTermStart,
                         LocalDate halfTermEnd) {

    /** Whether the day is from the first day to the last, half-term included. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** Whether the day is in its half-term holiday. */
    public boolean inHalfTerm(LocalDate day) {
        return halfTermStart != null && !day.isBefore(halfTermStart) && !day.isAfter(halfTermEnd);
    }
}
