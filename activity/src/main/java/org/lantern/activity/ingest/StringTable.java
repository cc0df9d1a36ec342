package org.lantern.activity.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Strings for short ASCII byte ranges that repeat from line to line (client addresses, user
 * names, methods), so that a log of a million lines from a few hundred pupils makes a few hundred
 * strings rather than a million. Direct-mapped: a collision replaces the older entry, which keeps
 * the memory fixed whatever the log holds. Not thread-safe.
 */
final class StringTable {

    /** Client addresses, user names and methods are short: an IPv4 address is at most 15 bytes. */
    private static final int INLINE_BYTES = 24;

    private final SlotKeys keys;
    private final String[] values;

    /** @param slots the number of entries kept, a power of two */
    StringTable(int slots) {
        keys = new SlotKeys(slots, INLINE_BYTES);
        values = new String[slots];
    }

    /**
     * @param b bytes, all below 0x80
     * @param from first byte
     * @param to index after the last byte
     * @return the string of those bytes
     */
    String get(byte[] b, int from, int to) {
        int h = SlotKeys.hash(b, from, to);
        int slot = keys.slot(h);
        if (keys.holds(slot, h, b, from, to)) {
            return values[slot];
        }
        String value = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        keys.put(slot, h, b, from, to);
        values[slot] = value;
        return value;
    }
}
