package org.lantern.filter.match;

/**
 * One bit per entry's hash, set for every entry of a list: a look-up whose bit is clear is surely
 * not in the list. Most label suffixes of most hosts are in no list, and this answers them from a
 * small array, before a table probe's cache misses ({@link DomainMatcher}) or before a suffix
 * becomes a string for a map ({@link UrlListMatcher}).
 *
 * <p>Callers give hashes already spread by {@link DomainMatcher#mix}; the filter takes their top
 * bits, so a hash table indexed by the bottom bits of the same value stays independent of it.
 */
final class HashFilter {

    private final long[] bits;
    private final int shift;

    /**
     * @param entries how many hashes will be added
     * @param bitsPerEntry the fewest bits per entry: about one look-up in this many that is in no
     *     list passes the filter; the size is rounded up to a power of two, at least 64 bits
     */
    HashFilter(int entries, int bitsPerEntry) {
        long wanted = Math.min(1L << 30, Math.max(64L, (long) entries * bitsPerEntry));
        int bitCount = (int) (Long.highestOneBit(wanted - 1) << 1);
        this.bits = new long[bitCount / 64];
        this.shift = 32 - Integer.numberOfTrailingZeros(bitCount);
    }

    /** @param mixedHash an entry's hash, spread by {@link DomainMatcher#mix} */
    void add(int mixedHash) {
        int bit = mixedHash >>> shift;
        bits[bit >>> 6] |= 1L << bit;
    }

    /**
     * @param mixedHash a look-up's hash, spread as the entries' were
     * @return {@code false} if no entry has this hash; {@code true} if one may
     */
    boolean mayContain(int mixedHash) {
        int bit = mixedHash >>> shift;
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }
}
