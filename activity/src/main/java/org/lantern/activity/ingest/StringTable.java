package org.lantern.activity.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings for short ASCII byte ranges that repeat from line to line (client addresses, user
 * names, methods), so that a log of a million lines from a few hundred pupils makes a few hundred
 * strings rather than a million. Direct-mapped: a collision replaces the older entry, which keeps
 * the memory fixed whatever the log holds. Not thread-safe.
 */
final class StringTable {

    /** Each slot's full hash, checked before its key so that a miss does not read the key's bytes. */
    private final int[] hashes;
    private final byte[][] keys;
    private final String[] values;
    private final int mask;

    /** @param slots the number of entries kept, a power of two */
    StringTable(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        hashes = new int[slots];
        keys = new byte[slots][];
        values = new String[slots];
        mask = slots - 1;
    }

    /**
     * @param b bytes, all below 0x80
     * @param from first byte
     * @param to index after the last byte
     * @return the string of those bytes
     */
    String get(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & mask;
        byte[] key = keys[slot];
        if (hashes[slot] == h && key != null && Bytes.equal(key, b, from, to)) {
            return values[slot];
        }
        byte[] copy = Arrays.copyOfRange(b, from, to);
        String value = new String(copy, StandardCharsets.ISO_8859_1);
        hashes[slot] = h;
        keys[slot] = copy;
        values[slot] = value;
        return value;
    }
}
