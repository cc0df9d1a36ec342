package org.lantern.monitor.model;

import java.util.Arrays;

/**
 * From a feature's hash to its row of weights, and to its act-now weight: open addressing with
 * linear probing in arrays at most half full. Written here rather than searched in the sorted
 * hashes with {@code Arrays.binarySearch}, which PhraseMatcherBenchmark showed cost most of the
 * model's time per search (seventeen probes over 740 KB, most of them cache misses, for each of a
 * text's features); a probe here is one or two. The act-now weight sits in the slot beside the
 * hash, so the question asked of nearly every text (act now?) touches no row at all. Immutable
 * once built.
 */
final class FeatureRows {

    private static final int EMPTY = -1;

    private final long[] hashes;
    private final int[] rows;
    private final float[] actNow;
    private final int mask;

    /**
     * @param keys   every feature's hash, each once; a key's row is its index
     * @param actNow each key's act-now weight, by row
     */
    FeatureRows(long[] keys, float[] actNow) {
        int size = Integer.highestOneBit(Math.max(2, keys.length) * 2 - 1) * 2;
        hashes = new long[size];
        rows = new int[size];
        this.actNow = new float[size];
        mask = size - 1;
        Arrays.fill(rows, EMPTY);
        for (int row = 0; row < keys.length; row++) {
            int at = slot(keys[row]);
            while (rows[at] != EMPTY) {
                at = (at + 1) & mask;
            }
            hashes[at] = keys[row];
            rows[at] = row;
            this.actNow[at] = actNow[row];
        }
    }

    /** @return the feature's act-now weight, or 0 when the model has no weights for it */
    float actNow(long hash) {
        for (int at = slot(hash); ; at = (at + 1) & mask) {
            if (rows[at] == EMPTY) {
                return 0;
            }
            if (hashes[at] == hash) {
                return actNow[at];
            }
        }
    }

    /** @return the feature's row, or -1 when the model has no weights for it */
    int row(long hash) {
        for (int at = slot(hash); ; at = (at + 1) & mask) {
            int row = rows[at];
            if (row == EMPTY || hashes[at] == hash) {
                return row;
            }
        }
    }

    /** The hashes are already mixed (Features), so their low bits serve as the slot. */
    private int slot(long hash) {
        return (int) hash & mask;
    }
}
