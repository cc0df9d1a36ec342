package org.lantern.server.alerts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.reports.Chart;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many alerts the DSL's team closes as false positives, per kind and category, week by week:
 * the complaint about monitoring is alert fatigue, and this shows where it comes from. Counted by
 * the week an alert was closed (UK time, weeks from Monday); only counts, never who.
 */
@Component
public class FalsePositiveShares {

    /** Weeks shown, the current one last. */
    static final int WEEKS = 8;
    /**
     * The column an alert's category is read from. Filter alerts name their policy category or list
     * here; an alert kind with categories of its own (the monitor's) groups by what it stores here.
     */
    static final String CATEGORY = "category_name";

    private final JdbcClient jdbc;

    FalsePositiveShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One week's figures for a group.
     *
     * @param closed          alerts closed that week
     * @param falsePositives  of them, closed as false positives
     */
    public record Week(long closed, long falsePositives) {
        /** "1 of 4 (25%)", or "none closed". */
        public String text() {
            return closed == 0 ? "none closed" : falsePositives + " of " + closed + " (" + percent() + "%)";
        }

        /** The share as a whole percentage. */
        public long percent() {
            return closed == 0 ? 0 : Math.round(100.0 * falsePositives / closed);
        }
    }

    /**
     * A kind and category's weeks.
     *
     * @param kind     the kind
     * @param category the category
     * @param weeks    the figures, one per {@link Shares#weeks()}
     * @param total    the figures over all the weeks shown
     */
    public record Group(AlertKind kind, String category, List<Week> weeks, Week total) {
        /** "Persistent attempts to get round the filter: bare IP addresses". */
        public String label() {
            return kind.label() + ": " + category;
        }
    }

    /**
     * What the dashboard shows.
     *
     * @param weeks  the Monday of each week, oldest first
     * @param groups the groups with any alert closed in those weeks
     * @param chart  each group's share over the weeks, drawn as the reports draw their charts
     */
    public record Shares(List<LocalDate> weeks, List<Group> groups, Chart chart) {
    }

    /** The weeks up to the one holding {@code now}. */
    public Shares of(Instant now) {
        LocalDate thisWeek = LocalDate.ofInstant(now, SchoolTime.ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
        List<LocalDate> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.add(first.plusWeeks(i));
        }
        Map<String, long[][]> counts = new TreeMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, " + CATEGORY + " AS category, outcome, closed_at FROM filter_alert "
                        + "WHERE status = 'CLOSED' AND closed_at >= :since")
                .param("since", first.atStartOfDay(SchoolTime.ZONE).toOffsetDateTime())
                .query(rs -> {
                    LocalDate day = LocalDate.ofInstant(AlertRegister.instant(rs, "closed_at"), SchoolTime.ZONE);
                    int week = (int) ChronoUnit.WEEKS.between(first, day);
                    if (week < 0 || week >= WEEKS) {
                        return;
                    }
                    String key = rs.getString("kind") + "\n" + rs.getString("category");
                    names.putIfAbsent(key, new String[] {rs.getString("kind"), rs.getString("category")});
                    long[][] c = counts.computeIfAbsent(key, k -> new long[WEEKS][2]);
                    c[week][0]++;
                    if (AlertOutcome.FALSE_POSITIVE.name().equals(rs.getString("outcome"))) {
                        c[week][1]++;
                    }
                });
        List<Group> groups = new ArrayList<>();
        counts.forEach((key, c) -> {
            List<Week> byWeek = new ArrayList<>();
            long closed = 0;
            long wrong = 0;
            for (long[] w : c) {
                byWeek.add(new Week(w[0], w[1]));
                closed += w[0];
                wrong += w[1];
            }
            String[] name = names.get(key);
            groups.add(new Group(AlertKind.valueOf(name[0]), name[1], List.copyOf(byWeek), new Week(closed, wrong)));
        });
        return new Shares(List.copyOf(weeks), List.copyOf(groups), chart(groups));
    }

    /** One bar per group: its share closed as false positives over the weeks shown. */
    private static Chart chart(List<Group> groups) {
        List<Chart.Bar> bars = groups.stream().map(g -> new Chart.Bar(g.label(), g.label(), g.total().percent() + "%",
                0, 0, g.total().percent(), 0, 0, 0, 0, 0)).toList();
        return new Chart("false-positive-chart", "Share of closed alerts that were false positives, last " + WEEKS
                + " weeks", false, 0, bars);
    }
}
