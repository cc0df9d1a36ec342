package org.lantern.server.filtering.bypass;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lantern.server.http.SchoolTime;

/**
 * A bar chart of attempts per day, laid out on the server so the page draws it as plain SVG with
 * no script. The page gives the same numbers as a table for screen readers and anyone who
 * prefers them.
 *
 * @param width  the drawing's width in user units
 * @param height its height
 * @param bars   one bar per day, in order
 * @param ticks  the day labels under the axis
 * @param max    the count the top of the plot stands for
 * @param top    y of the top of the plot
 * @param base   y of the axis
 * @param left   x of the axis
 */
public record BarChart(int width, int height, List<Bar> bars, List<Tick> ticks, long max, int top, int base, int left) {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final DateTimeFormatter LABEL = SchoolTime.pattern("d MMM");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    /**
     * One day's bar.
     *
     * @param x      left edge
     * @param y      top edge
     * @param width  bar width
     * @param height bar height (0 for a day with no attempts)
     * @param title  what the bar says, e.g. "Monday 3 March 2025: 4 attempts"
     */
    public record Bar(double x, double y, double width, double height, String title) {
    }

    /**
     * A label under the axis.
     *
     * @param x    centre
     * @param text the day, e.g. "3 Mar"
     */
    public record Tick(double x, String text) {
    }

    /** The chart of a report's days. */
    public static BarChart of(BypassReport report) {
        List<BypassReport.Count> days = report.perDay();
        long max = report.busiestDay();
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, days.size());
        double gap = slot > 6 ? slot * 0.15 : 0;
        int every = Math.max(1, (int) Math.ceil(days.size() / 6.0));
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            BypassReport.Count day = days.get(i);
            LocalDate date = LocalDate.parse(day.label());
            double h = (double) day.count() / max * plotHeight;
            double x = LEFT + i * slot;
            bars.add(new Bar(round(x + gap / 2), round(TOP + plotHeight - h), round(slot - gap), round(h),
                    LONG.format(date) + ": " + day.count() + (day.count() == 1 ? " attempt" : " attempts")));
            if (i % every == 0) {
                ticks.add(new Tick(round(x + slot / 2), LABEL.format(date)));
            }
        }
        return new BarChart(WIDTH, HEIGHT, bars, ticks, max, TOP, TOP + plotHeight, LEFT);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
