package org.lantern.filter.match;

/**
 * Two bits per entry's hash, both in one 64-bit word, set for every entry of a list: a look-up
 * with either bit clear is surely not in the list. Most label suffixes of most hosts are in no
 * list, and this answers them from a small array, before a table probe's cache misses
 * ({@link DomainMatcher}) or before a suffix becomes a string for a map ({@link UrlListMatcher}).
 *
 * <p>Two bits pass about half as many misses as one at the same size, and keeping them in one
 * word keeps a look-up to one cache line: the filter is read for every label suffix of every
 * request, so its cache misses, not its arithmetic, are what it costs.
 *
 * <p>Callers give hashes already spread by {@link DomainMatcher#mix}; the filter picks the word
 * from their top bits and the two bits from their bottom twelve, so a hash table indexed by the
 * bottom bits of the same value stays independent of which word is read.
 */
final class HashFilter {

    private final long[] words;
    private final int shift;
    private final int mask;

    /**
     * @param entries how many hashes will be added
     * @param bitsPerEntry the fewest bits per entry; the size is rounded up to a power of two, at
     *     least one word
     */
    HashFilter(int entries, int bitsPerEntry) {
        long wanted = Math.min(1L << 30, Math.max(64L, (long) entries * bitsPerEntry));
        int wordCount = (int) (Long.highestOneBit(wanted - 1) << 1) / 64;
        this.words = new long[wordCount];
        // For one word the shift is 32, which Java takes as 0; the mask then makes every word 0.
        this.shift = 32 - Integer.numberOfTrailingZeros(wordCount);
        this.mask = wordCount - 1;
    }

    /** @param mixedHash an entry's hash, spread by {@link DomainMatcher#mix} */
    void add(int mixedHash) {
        words[word(mixedHash)] |= bits(mixedHash);
    }

    /**
     * @param mixedHash a look-up's hash, spread as the entries' were
     * @return {@code false} if no entry has this hash; {@code true} if one may
     */
    boolean mayContain(int mixedHash) {
        long bits = bits(mixedHash);
        return (words[word(mixedHash)] & bits) == bits;
    }

    private int word(int mixedHash) {
        return (mixedHash >>> shift) & mask;
    }

    private static long bits(int mixedHash) {
        return (1L << mixedHash) | (1L << (mixedHash >>> 6));
    }
}
