package org.lantern.server.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.lantern.server.http.Show;
import org.lantern.server.people.YearGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safeguarding monitor's alerts counted for a report (the governors' year, the DSL's week): by
 * category, by the pupil's year group at the time and by where they stand (new, in review, or
 * closed with its outcome), protected by {@link SmallNumbers} as every other count. Only the
 * category, the year group and the status leave the database: no name, address or words matched.
 */
@Service
public class MonitoringCounts {

    private static final String KINDS = "a.kind IN ('SAFEGUARDING_RISK', 'SAFEGUARDING_ILLEGAL')";
    /**
     * Alert statuses before closing, then the outcomes of closing, as stored (the alerts feature's
     * AlertStatus and AlertOutcome, which this package cannot name: alerts' pages draw its charts).
     */
    private static final List<String> STATES = List.of("NEW", "IN_REVIEW", "NO_FURTHER_ACTION", "FALSE_POSITIVE",
            "ALREADY_KNOWN", "ESCALATED");
    private static final String STAFF_AND_OTHERS = "Staff, visitors and devices not known";

    private final JdbcClient jdbc;

    MonitoringCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The counts of one period.
     *
     * @param total      all safeguarding alerts raised in it, as published
     * @param byCategory by what the monitor found
     * @param byYear     by the year group of the pupil at the time
     * @param byOutcome  by where they stand now
     */
    public record Counts(Count total, Breakdown byCategory, Breakdown byYear, Breakdown byOutcome) {

        /** The breakdowns in the order a report shows them. */
        public List<Breakdown> breakdowns() {
            return List.of(byCategory, byYear, byOutcome);
        }
    }

    private record Row(String category, String kind, String yearGroup, LocalDate leavingDate, String status,
                       String outcome) {
    }

    /** For a governors' report: the alerts first raised in the school year. */
    @Transactional(readOnly = true)
    public Counts year(SchoolYear year, LocalDate today) {
        return counts(year.start(), year.end(), year, today);
    }

    /** For the weekly summary: the alerts first raised from {@code from} up to {@code to}. */
    @Transactional(readOnly = true)
    public Counts between(OffsetDateTime from, OffsetDateTime to, LocalDate today) {
        return counts(from, to, SchoolYear.containing(today), today);
    }

    private Counts counts(OffsetDateTime from, OffsetDateTime to, SchoolYear year, LocalDate today) {
        List<Row> rows = jdbc.sql("SELECT a.category_name, p.kind, p.year_group, p.leaving_date, a.status, a.outcome "
                        + "FROM filter_alert a LEFT JOIN person p ON p.id = a.person_id WHERE " + KINDS
                        + " AND a.first_seen_at >= :from AND a.first_seen_at < :to")
                .param("from", from.withOffsetSameInstant(ZoneOffset.UTC)).param("to", to.withOffsetSameInstant(ZoneOffset.UTC))
                .query((rs, n) -> new Row(rs.getString("category_name"), rs.getString("kind"), rs.getString("year_group"),
                        rs.getObject("leaving_date", LocalDate.class), rs.getString("status"), rs.getString("outcome")))
                .list();
        Map<String, Long> categories = new TreeMap<>();
        Map<String, Long> years = new LinkedHashMap<>();
        for (YearGroup g : YearGroup.values()) {
            years.put(g.label(), 0L);
        }
        years.put(GovernorsReports.UNKNOWN_YEAR, 0L);
        years.put(STAFF_AND_OTHERS, 0L);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        STATES.forEach(state -> outcomes.put(words(state), 0L));
        for (Row r : rows) {
            categories.merge(r.category(), 1L, Long::sum);
            String group = "PUPIL".equals(r.kind())
                    ? GovernorsReports.yearGroupThen(r.yearGroup(), r.leavingDate(), year, today) : STAFF_AND_OTHERS;
            years.merge(group, 1L, Long::sum);
            outcomes.merge(outcome(r), 1L, Long::sum);
        }
        long all = rows.size();
        SmallNumbers.Range total = SmallNumbers.Range.published(all);
        Count shown = SmallNumbers.headline(all);
        return new Counts(shown,
                GovernorsReports.breakdown("Safeguarding alerts by category", new LinkedHashMap<>(categories), total, shown),
                GovernorsReports.breakdown("Safeguarding alerts by year group at the time", years, total, shown),
                GovernorsReports.breakdown("Safeguarding alerts by outcome", outcomes, total, shown));
    }

    /** Where an alert stands: its status, or for a closed one its outcome. */
    private static String outcome(Row r) {
        return words("CLOSED".equals(r.status()) && r.outcome() != null ? r.outcome() : r.status());
    }

    private static String words(String state) {
        String words = Show.wordsOf(state);
        return STATES.indexOf(state) > 1 ? "Closed: " + words.toLowerCase(Locale.ROOT) : words;
    }
}
