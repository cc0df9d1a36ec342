package org.lantern.activity.store;

/**
 * Where a newest-first page is looked for: the newest sixty-fourth of the search's time range
 * first, then older slices, each wide enough, by the rows found so far, to fill the page (at least
 * four times the slices before it), the last one the rest of the range.
 *
 * <p>Rows are stored in time order, so DuckDB skips every row group outside a slice by its
 * min/max time, and sorts only the rows of the slices it reads. Asked for a whole school's two
 * hours (250,000 rows at a million a day), one query sorted all 250,000 to return the newest 100
 * (126–311 ms on a loaded machine, docs/benchmarks.md); the newest slice holds a few thousand. A
 * sparse search (one pupil's two hours) finds few rows in the first slice and goes on to the rest
 * of the range: two queries over disjoint rows, which together read what the single query read.
 * At most {@link #MAX_SLICES} queries in all.
 */
final class TimeSlices {

    /** The first slice is this fraction of the range. */
    static final int FIRST = 64;
    /** Each slice reaches back at least this many times as far as the slices before it. */
    static final int GROWTH = 4;
    /** Queries at most: the last slice is the rest of the range, however wide. */
    static final int MAX_SLICES = 4;
    /** The longest range a search for one person reads as one slice: a day. */
    static final long ONE_PERSON_WHOLE_MICROS = 24L * 60 * 60 * 1_000_000;

    private TimeSlices() {}

    /**
     * A search for one person over at most a day is one slice. A pupil makes about a thousand
     * requests on a busy day, so sorting all their times and ids costs next to nothing, while each
     * slice is a query that reads the same row groups again: a closed day's row group holds an hour
     * of every pupil's rows ({@link DayCompaction}), so the newest sixty-fourth of two hours (two
     * minutes, three of the pupil's rows) read the row group that the rest of the hour then read
     * again.
     *
     * @param fromMicros the range's first instant, included
     * @param toMicros the range's end, excluded
     * @param onePerson whether the search names a person
     * @return where the first slice starts (it ends at the range's end), or {@link Long#MIN_VALUE}
     *     when the range is too short to split, or is one person's day or less, and is one slice
     */
    static long first(long fromMicros, long toMicros, boolean onePerson) {
        if (onePerson && toMicros - fromMicros <= ONE_PERSON_WHOLE_MICROS) {
            return Long.MIN_VALUE;
        }
        long width = (toMicros - fromMicros) / FIRST;
        return toMicros <= fromMicros || width < 1 ? Long.MIN_VALUE : toMicros - width;
    }

    /**
     * @param fromMicros the range's first instant, included
     * @param toMicros the range's end, excluded
     * @param start where the slices read so far start, the older end of the last one
     * @param slices how many slices were read
     * @param found rows they held
     * @param wanted rows the page still needs, at least 1
     * @return where the next slice starts (it ends at {@code start}), or {@link Long#MIN_VALUE}
     *     when it is the rest of the range
     */
    static long next(long fromMicros, long toMicros, long start, int slices, int found, int wanted) {
        long read = toMicros - start;
        // Enough to hold the rows still wanted at the density found so far, half as many again.
        long estimate = found == 0 ? Long.MAX_VALUE : (long) Math.min(Long.MAX_VALUE / 2.0,
                (double) read * wanted / found * 1.5);
        long width = Math.max(read * (GROWTH - 1), estimate);
        if (slices + 1 >= MAX_SLICES || width >= start - fromMicros) {
            return Long.MIN_VALUE;
        }
        return start - width;
    }
}
