package org.lantern.filter.url;

/**
 * A set of ASCII characters held as two 64-bit masks. The URL parsers (and the ICAP reader, for
 * header names) test every character of every request against small character classes; a
 * {@code String.indexOf} per character was the largest single cost of host parsing in
 * {@code UrlNormaliserBenchmark} (docs/benchmarks.md), and a mask test is a shift and an AND.
 */
public final class AsciiSet {

    private final long low;
    private final long high;

    private AsciiSet(long low, long high) {
        this.low = low;
        this.high = high;
    }

    /**
     * @param chars the members, each ASCII
     * @return the set of the given characters
     * @throws IllegalArgumentException if a character is not ASCII
     */
    public static AsciiSet of(String chars) {
        long low = 0;
        long high = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c >= 128) {
                throw new IllegalArgumentException("not ASCII: U+" + Integer.toHexString(c));
            }
            if (c < 64) {
                low |= 1L << c;
            } else {
                high |= 1L << (c - 64);
            }
        }
        return new AsciiSet(low, high);
    }

    /**
     * @param excluded the characters to leave out
     * @return printable ASCII ({@code !} to {@code ~}) without the given characters
     */
    public static AsciiSet printableExcept(String excluded) {
        StringBuilder chars = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            if (excluded.indexOf(c) < 0) {
                chars.append(c);
            }
        }
        return of(chars.toString());
    }

    /**
     * @param c any character
     * @return whether {@code c} is in the set; never for a character outside ASCII
     */
    public boolean contains(char c) {
        // A long shift uses the count's low six bits: c for the low mask, c - 64 for the high one.
        // Kept this short in bytecode so the JIT inlines it into every character loop.
        return c < 128 && ((c < 64 ? low : high) & 1L << c) != 0;
    }
}
