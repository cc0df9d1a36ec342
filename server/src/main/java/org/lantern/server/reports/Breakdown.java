package org.lantern.server.reports;

import java.util.List;

/**
 * One table of an anonymised report: counts by month, category, action or year group, already
 * protected by {@link SmallNumbers}.
 *
 * @param title     what is counted, e.g. "Pupil incidents by category"
 * @param rows      the labelled counts, in the order to show them
 * @param total     the total as published, or null for a breakdown whose rows overlap (an
 *                  incident can lead to several actions)
 * @param withdrawn true when so few incidents fall in it that no breakdown is safe to publish
 */
public record Breakdown(String title, List<Row> rows, Count total, boolean withdrawn) {

    public Breakdown {
        rows = List.copyOf(rows);
    }

    /**
     * A labelled count.
     *
     * @param label what the row counts, e.g. "September 2024"
     * @param count the count as published
     */
    public record Row(String label, Count count) {
    }

    /** The largest count shown, for scaling a chart; 0 when none is shown. */
    public long largestShown() {
        return rows.stream().map(Row::count).filter(Count::isShown).mapToLong(Count::value).max().orElse(0);
    }
}
