package org.lantern.server.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Statistical disclosure control for the anonymised reports. Counts of 1 and 2 are shown as
 * {@code <3} (primary suppression). A table whose total a reader can know (it is printed, or
 * follows from another table) would let a lone {@code <3} be worked out by subtraction, so
 * further cells are withheld (complementary suppression), smallest first, until no {@code <3}
 * cell can be pinned to one value from the total, the cells shown and what the reader knows of
 * the suppressed ones ({@code <3} is 1 or 2; a withheld cell is at least 3). If that cannot be
 * reached the whole breakdown is withheld.
 *
 * <p>The check assumes the reader knows this algorithm, and the total to within {@link Range}.
 */
public final class SmallNumbers {

    /** Counts below this are never printed. */
    public static final long THRESHOLD = 3;

    private SmallNumbers() {
    }

    /**
     * What a reader can know of a number: that it lies between {@code low} and {@code high}
     * inclusive ({@code high} is {@link Long#MAX_VALUE} when nothing bounds it).
     */
    public record Range(long low, long high) {

        /** Nothing is known: used for breakdowns whose total is not published. */
        static final Range UNKNOWN = new Range(0, Long.MAX_VALUE);

        /** What printing {@code value} as a single headline count tells a reader. */
        static Range published(long value) {
            if (value == 0 || value >= THRESHOLD) {
                return new Range(value, value);
            }
            return new Range(1, THRESHOLD - 1);
        }
    }

    /**
     * A protected breakdown: the counts as published, and for each what a reader can deduce of it,
     * which a breakdown of that cell (a child table) must be protected against.
     *
     * @param counts    the published counts, in the order given
     * @param known     what the reader can know of each cell
     * @param withdrawn true when no safe breakdown exists and none is published
     */
    public record Protected(List<Count> counts, List<Range> known, boolean withdrawn) {
    }

    /** The headline count: 0, the number when 3 or more, otherwise {@code <3}. */
    public static Count headline(long value) {
        return value == 0 || value >= THRESHOLD ? Count.shown(value) : Count.small();
    }

    /**
     * Protects one breakdown of a total.
     *
     * @param values the true counts, each at least 0
     * @param total  what a reader knows of their sum
     */
    public static Protected protect(List<Long> values, Range total) {
        int n = values.size();
        Count.Status[] status = new Count.Status[n];
        for (int i = 0; i < n; i++) {
            long v = values.get(i);
            status[i] = v > 0 && v < THRESHOLD ? Count.Status.SMALL : Count.Status.SHOWN;
        }
        while (pinned(values, status, total)) {
            int next = IntStream.range(0, n).filter(i -> status[i] == Count.Status.SHOWN && values.get(i) >= THRESHOLD)
                    .boxed().min(Comparator.comparingLong(values::get)).orElse(-1);
            if (next < 0) {
                List<Range> unknown = values.stream().map(v -> new Range(0, total.high())).toList();
                return new Protected(values.stream().map(v -> Count.withheld()).toList(), unknown, true);
            }
            status[next] = Count.Status.WITHHELD;
        }
        List<Count> counts = new ArrayList<>();
        List<Range> known = new ArrayList<>();
        Sums sums = Sums.of(values, status);
        for (int i = 0; i < n; i++) {
            switch (status[i]) {
                case SHOWN -> {
                    counts.add(Count.shown(values.get(i)));
                    known.add(new Range(values.get(i), values.get(i)));
                }
                case SMALL -> {
                    counts.add(Count.small());
                    known.add(new Range(1, THRESHOLD - 1));
                }
                case WITHHELD -> {
                    counts.add(Count.withheld());
                    known.add(sums.withheldRange(total));
                }
            }
        }
        return new Protected(List.copyOf(counts), List.copyOf(known), false);
    }

    /** Whether some {@code <3} cell can be shown to hold exactly 1, or exactly 2. */
    private static boolean pinned(List<Long> values, Count.Status[] status, Range total) {
        Sums sums = Sums.of(values, status);
        if (sums.small == 0) {
            return false;
        }
        return !(sums.possible(1, total) && sums.possible(2, total));
    }

    /**
     * What the reader sees of a table: the sum of the cells shown, how many are {@code <3} and
     * how many withheld.
     */
    private record Sums(long shown, int small, int withheld) {

        static Sums of(List<Long> values, Count.Status[] status) {
            long shown = 0;
            int small = 0;
            int withheld = 0;
            for (int i = 0; i < status.length; i++) {
                switch (status[i]) {
                    case SHOWN -> shown += values.get(i);
                    case SMALL -> small++;
                    case WITHHELD -> withheld++;
                }
            }
            return new Sums(shown, small, withheld);
        }

        /**
         * Whether one {@code <3} cell could hold {@code x}: the other {@code <3} cells add up to
         * anything from {@code small - 1} to {@code 2 (small - 1)}, withheld cells to at least
         * {@code 3 withheld} (and exactly 0 when there are none), and the whole must fit the total.
         */
        boolean possible(long x, Range total) {
            long low = shown + x + (small - 1);
            long high = shown + x + 2L * (small - 1);
            if (withheld > 0) {
                return add(low, THRESHOLD * withheld) <= total.high();
            }
            return low <= total.high() && high >= total.low();
        }

        /** What the reader can deduce of one withheld cell. */
        Range withheldRange(Range total) {
            long others = shown + small + THRESHOLD * (withheld - 1);
            long high = total.high() == Long.MAX_VALUE ? Long.MAX_VALUE : total.high() - others;
            long low = withheld == 1 ? Math.max(THRESHOLD, total.low() - shown - 2L * small) : THRESHOLD;
            return new Range(low, Math.max(low, high));
        }

        private static long add(long a, long b) {
            return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
        }
    }
}
