package org.lantern.activity.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The keys of a direct-mapped cache of byte ranges ({@link StringTable}, {@link HostTable}), kept
 * in the slots themselves: each slot is a few {@code long}s of one array, its hash and length in
 * the first, the key's bytes in the rest, so a look-up reads one place in memory and compares
 * words rather than calling into {@code Arrays.equals} on a key array found elsewhere in the heap.
 * That call and the memory reads behind it were a fifth of a Squid read's CPU samples
 * (docs/benchmarks.md, activity-ingest section). A key longer than the slot holds is kept as an
 * array of its own, and only its hash and length are in the slot. Not thread-safe.
 */
final class SlotKeys {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] words;
    private final byte[][] longKeys;
    private final int stride;
    private final int inlineBytes;
    private final int mask;

    /**
     * @param slots the number of keys kept, a power of two
     * @param inlineBytes the longest key kept in its slot, a multiple of 8
     */
    SlotKeys(int slots, int inlineBytes) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        if (inlineBytes < Long.BYTES || inlineBytes % Long.BYTES != 0) {
            throw new IllegalArgumentException("inlineBytes must be a positive multiple of 8: " + inlineBytes);
        }
        this.inlineBytes = inlineBytes;
        this.stride = 1 + inlineBytes / Long.BYTES;
        this.words = new long[slots * stride];
        this.longKeys = new byte[slots][];
        this.mask = slots - 1;
    }

    /** @return the hash of {@code b[from, to)}, as every method here takes it */
    static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    /** @return the slot of a key with this hash */
    int slot(int hash) {
        return (hash ^ (hash >>> 16)) & mask;
    }

    /** @return whether {@code slot} holds exactly the key {@code b[from, to)}, whose hash is {@code hash} */
    boolean holds(int slot, int hash, byte[] b, int from, int to) {
        int at = slot * stride;
        int n = to - from;
        if (words[at] != meta(hash, n)) {
            return false;
        }
        if (n > inlineBytes) {
            return Bytes.equal(longKeys[slot], b, from, to);
        }
        for (int i = from; i < to; i += Long.BYTES) {
            if (words[++at] != word(b, i, to)) {
                return false;
            }
        }
        return true;
    }

    /** Puts the key {@code b[from, to)}, whose hash is {@code hash}, in {@code slot}, replacing what was there. */
    void put(int slot, int hash, byte[] b, int from, int to) {
        int at = slot * stride;
        int n = to - from;
        words[at] = meta(hash, n);
        if (n > inlineBytes) {
            longKeys[slot] = Arrays.copyOfRange(b, from, to);
            return;
        }
        longKeys[slot] = null;
        for (int i = from; i < to; i += Long.BYTES) {
            words[++at] = word(b, i, to);
        }
    }

    /** Never 0, the value of an empty slot: the length is stored plus one. */
    private static long meta(int hash, int length) {
        return (long) hash << 32 | (length + 1L);
    }

    /** @return the bytes {@code b[i, min(i + 8, to))} as a little-endian word, zero beyond {@code to} */
    private static long word(byte[] b, int i, int to) {
        if (i + Long.BYTES <= to) {
            return (long) LONGS.get(b, i);
        }
        long w = 0;
        for (int k = to - 1; k >= i; k--) {
            w = w << 8 | (b[k] & 0xff);
        }
        return w;
    }
}
