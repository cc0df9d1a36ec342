package org.lantern.server.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The annual anonymised report to governors (seed 002: the governing body receives a report "which
 * will include anonymous details of online safety incidents", once a year): counts of incidents for
 * one school year, with no names or identifiers and small counts suppressed.
 *
 * @param year            the school year, e.g. {@code 2024} for 2024/25
 * @param schoolYear      how it is written, e.g. "2024/25"
 * @param from            1 September
 * @param to              31 August
 * @param generatedAt     when this copy was made
 * @param incidents       all incidents that happened in the year
 * @param pupilIncidents  those about pupils
 * @param staffIncidents  those about staff
 * @param byMonth         incidents by the month they happened, September first
 * @param pupilCategories pupil incidents by the category of the school's pupil table
 * @param staffCategories staff incidents by the category of the school's staff table
 * @param pupilActions    pupil incidents by action taken (a column of the table; waived actions not counted)
 * @param staffActions    staff incidents by action taken
 * @param peopleInvolved  people involved by year group at the time (pupils) or as staff
 * @param notes           how to read it: suppression, what is counted
 */
public record GovernorsReport(int year, String schoolYear, LocalDate from, LocalDate to, OffsetDateTime generatedAt,
                              Count incidents, Count pupilIncidents, Count staffIncidents, Breakdown byMonth,
                              Breakdown pupilCategories, Breakdown staffCategories, Breakdown pupilActions,
                              Breakdown staffActions, Breakdown peopleInvolved, List<String> notes) {

    public GovernorsReport {
        notes = List.copyOf(notes);
    }

    /** Every breakdown, in the order the report shows them. */
    public List<Breakdown> breakdowns() {
        return List.of(byMonth, pupilCategories, staffCategories, pupilActions, staffActions, peopleInvolved);
    }
}
