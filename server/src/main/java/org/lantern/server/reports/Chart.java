package org.lantern.server.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart of a {@link Breakdown}, laid out on the server so the page draws it with no script.
 * Suppressed counts get no bar, only their {@code <3} or {@code withheld} label, so the picture
 * says no more than the table beside it. Across the page, positions are percentages of the width
 * and text is drawn at the page's own size, never scaled down with the drawing: on a phone a
 * scaled drawing's labels were a few pixels high. Columns are SVG; rows are HTML, so a long
 * category name wraps instead of running off a narrow screen.
 *
 * @param id      the element id, for {@code aria-describedby} and the table link
 * @param title   what it shows
 * @param columns vertical columns (true) or horizontal rows (false)
 * @param height  the drawing's height in CSS pixels, for columns
 * @param bars    the bars with their labels, in the breakdown's order
 */
public record Chart(String id, String title, boolean columns, int height, List<Bar> bars) {

    private static final int LABEL_MAX = 90;

    public Chart {
        bars = List.copyOf(bars);
    }

    /**
     * One bar and its text. Horizontal positions and widths are percentages of the chart's width;
     * vertical ones are pixels.
     *
     * @param label     the full label (the SVG title, for a screen reader or a hover)
     * @param shortText the label as drawn
     * @param value     the count as published
     * @param x         bar left, %
     * @param y         bar top
     * @param w         bar width, % (0 when suppressed)
     * @param h         bar height (0 when suppressed)
     * @param labelX    label centre, %
     * @param labelY    label baseline
     * @param valueX    value centre, %
     * @param valueY    value baseline
     */
    public record Bar(String label, String shortText, String value, double x, double y, double w, double h,
                      double labelX, double labelY, double valueX, double valueY) {
    }

    /** Vertical columns with short labels under them: incidents by month. */
    public static Chart columns(String id, Breakdown breakdown) {
        int top = 24;
        int plot = 180;
        double slot = 100.0 / Math.max(1, breakdown.rows().size());
        double barWidth = slot * 0.6;
        long largest = Math.max(1, breakdown.largestShown());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < breakdown.rows().size(); i++) {
            Breakdown.Row row = breakdown.rows().get(i);
            double h = row.count().isShown() ? plot * row.count().value() / (double) largest : 0;
            double x = i * slot + (slot - barWidth) / 2;
            double centre = i * slot + slot / 2.0;
            bars.add(new Bar(row.label(), row.label().substring(0, Math.min(3, row.label().length())),
                    row.count().display(), x, top + plot - h, barWidth, h, centre, top + plot + 18, centre,
                    top + plot - h - 6));
        }
        return new Chart(id, breakdown.title(), true, top + plot + 30, bars);
    }

    /** Horizontal bars with the full label above each: incidents by category. */
    public static Chart rows(String id, Breakdown breakdown) {
        long largest = Math.max(1, breakdown.largestShown());
        List<Bar> bars = new ArrayList<>();
        for (Breakdown.Row row : breakdown.rows()) {
            double w = row.count().isShown() ? 100.0 * row.count().value() / largest : 0;
            String text = row.label().length() > LABEL_MAX ? row.label().substring(0, LABEL_MAX - 1) + "…" : row.label();
            bars.add(new Bar(row.label(), text, row.count().display(), 0, 0, w, 0, 0, 0, 0, 0));
        }
        return new Chart(id, breakdown.title(), false, 0, bars);
    }
}
