package org.lantern.activity.store;

/**
 * Where a newest-first page is looked for: the newest sixty-fourth of the search's time range
 * first, then slices four times wider, older each time, until the page is full or the range is
 * done.
 *
 * <p>Rows are stored in time order, so DuckDB skips every row group outside a slice by its
 * min/max time, and sorts only the rows of the slices it reads. Asked for a whole school's two
 * hours (250,000 rows at a million a day), one query sorted all 250,000 to return the newest 100
 * (126–311 ms on a loaded machine, docs/benchmarks.md); the newest slice holds a few thousand. A
 * sparse search (one pupil) reads more slices, each a separate query over disjoint rows, so at
 * worst it reads what the single query read, in at most {@link #MAX_SLICES} queries.
 */
final class TimeSlices {

    /** The first slice is this fraction of the range. */
    static final int FIRST = 64;
    /** Each slice is this many times as wide as the one before. */
    static final int GROWTH = 4;
    /** 1/64 + 4/64 + 16/64, then the rest: four queries at most. */
    static final int MAX_SLICES = 4;

    private TimeSlices() {}

    /**
     * @param fromMicros the range's first instant, included
     * @param toMicros the range's end, excluded
     * @return the boundaries between slices, newest first: the first slice is the rows at or after
     *     {@code b[0]}, slice {@code k} those at or after {@code b[k]} and before {@code b[k - 1]},
     *     the last those before {@code b[b.length - 1]}; empty when the range is too short to split
     */
    static long[] boundaries(long fromMicros, long toMicros) {
        long width = (toMicros - fromMicros) / FIRST;
        if (toMicros <= fromMicros || width < 1) {
            return new long[0];
        }
        long[] b = new long[MAX_SLICES - 1];
        long at = toMicros;
        for (int i = 0; i < b.length; i++) {
            at -= width;
            b[i] = at;
            width *= GROWTH;
        }
        return b;
    }
}
