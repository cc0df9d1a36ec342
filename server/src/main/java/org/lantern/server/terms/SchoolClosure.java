package org.lantern.server.terms;

import java.time.LocalDate;

/**
 * Days inside a term when pupils are not in school.
 *
 * @param id       its number
 * @param kind     an INSET day or another closure
 * @param name     what the school calls it, e.g. "Staff training" or "May Day bank holiday"
 * @param firstDay the first day closed
 * @param lastDay  the last day closed (the first, for one day)
 */
public record SchoolClosure(long id, Kind kind, String name, LocalDate firstDay, LocalDate lastDay) {

    /** What kind of day pupils are not in. */
    public enum Kind {
        /** A staff training day: staff are in, pupils are not. */
        INSET("INSET day"),
        /** A bank holiday, a polling day or another day the school is shut. */
        HOLIDAY("Holiday or closure");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** What the page calls it. */
        public String label() {
            return label;
        }
    }

    /** Whether the day is one of the days closed. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
