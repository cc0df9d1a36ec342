package org.lantern.server.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lantern.activity.ActivityStore.Count;
import org.lantern.server.http.SchoolTime;

/**
 * Requests per hour over a period as a bar chart, laid out on the server so the page draws it as
 * plain SVG with no script. As in the reports' charts, horizontal positions are percentages of the
 * width and text keeps the page's own size, so the labels stay readable on a phone; the page gives
 * the same figures as a table for anyone who cannot see the picture.
 *
 * @param height the drawing's height in CSS pixels
 * @param base   y of the axis
 * @param max    the count the top of the plot stands for
 * @param bars   one bar per hour with any requests
 * @param ticks  time labels under the axis
 */
record HourChart(int height, int base, long max, List<Bar> bars, List<Tick> ticks) {

    private static final int TOP = 8;
    private static final int PLOT = 140;
    private static final int TICKS = 4;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK)
            .withZone(SchoolTime.ZONE);

    /**
     * One hour's bar.
     *
     * @param x      left edge, % of the width
     * @param y      top edge
     * @param width  width, % of the width
     * @param height height
     * @param title  what it says, e.g. "3 Mar 2026 09:00: 41 requests"
     */
    record Bar(double x, double y, double width, double height, String title) {
    }

    /**
     * A label under the axis.
     *
     * @param x    where the text starts, % of the width
     * @param text e.g. "Tue 09:00"
     */
    record Tick(double x, String text) {
    }

    /**
     * @param from    the start of the period
     * @param to      its end
     * @param perHour requests per hour (ISO instants of the hours' starts), hours with none left out
     */
    static HourChart of(Instant from, Instant to, List<Count> perHour) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        long hours = Math.max(1, Duration.between(start, to).plusMinutes(59).toHours());
        long max = Math.max(1, perHour.stream().mapToLong(Count::count).max().orElse(0));
        double slot = 100.0 / hours;
        List<Bar> bars = new ArrayList<>();
        for (Count hour : perHour) {
            Instant at = Instant.parse(hour.key());
            double h = (double) hour.count() / max * PLOT;
            double x = Duration.between(start, at).toHours() * slot;
            bars.add(new Bar(round(x + slot * 0.1), round(TOP + PLOT - h), round(Math.max(slot * 0.8, 0.2)), round(h),
                    SchoolTime.when(at) + ": " + hour.count() + (hour.count() == 1 ? " request" : " requests")));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < TICKS; i++) {
            long hour = hours * i / TICKS;
            ticks.add(new Tick(round(hour * slot), LABEL.format(start.plus(Duration.ofHours(hour)))));
        }
        return new HourChart(TOP + PLOT + 28, TOP + PLOT, max, bars, ticks);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
