package org.lantern.activity.ingest;

import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Registrable domains by the public-suffix list as Guava ships it, its private section included
 * (so {@code alice.github.io} is its own site, not part of {@code github.io}), found on a host's
 * lower-case UTF-8 bytes.
 *
 * <p>This is {@code InternetDomainName.topPrivateDomain()}'s answer by the same rules (the
 * leftmost ancestor that is a listed suffix, a wildcard's child, or an exception's parent).
 * Building an {@code InternetDomainName} validates and splits the name and joins every ancestor:
 * about 1.3 µs a host, more than parsing the whole Squid line. A string per suffix and a
 * {@code HashMap} lookup were still 22 % of a Squid read's CPU samples on a log naming 129,000
 * hosts (docs/benchmarks.md, activity-ingest section), so the rules sit in an open-addressed table
 * of their bytes, and each suffix is looked up by a hash carried from the top-level domain
 * leftwards, without a string. {@code HostTableTest} checks the answers against
 * {@code InternetDomainName} on every valid host of the shared stream.
 */
final class PublicSuffixes {

    /** Flags of a rule: a name some rule ends with, a wildcard's parent, a suffix, an exception. */
    private static final int KNOWN = 1;
    private static final int UNDER = 2;
    private static final int EXACT = 4;
    private static final int EXCLUDED = 8;

    /**
     * Every rule, and every name a rule ends with ({@code com} for {@code s3.amazonaws.com}), so
     * that a lookup from the top-level domain down stops at the first name no rule ends with: most
     * hosts take two lookups.
     */
    private static final int[] HASHES;
    private static final byte[][] KEYS;
    private static final byte[] FLAGS;
    private static final int MASK;

    static {
        Map<String, Integer> rules = new HashMap<>();
        add(rules, PublicSuffixPatterns.EXACT.keySet(), EXACT);
        add(rules, PublicSuffixPatterns.UNDER.keySet(), UNDER);
        add(rules, PublicSuffixPatterns.EXCLUDED.keySet(), EXCLUDED);
        int slots = Integer.highestOneBit(rules.size() * 4 - 1) << 1; // at most a quarter full
        HASHES = new int[slots];
        KEYS = new byte[slots][];
        FLAGS = new byte[slots];
        MASK = slots - 1;
        rules.forEach((name, flags) -> {
            byte[] key = name.getBytes(StandardCharsets.UTF_8);
            int hash = hash(key, 0, key.length);
            int slot = spread(hash);
            while (KEYS[slot] != null) {
                slot = (slot + 1) & MASK;
            }
            HASHES[slot] = hash;
            KEYS[slot] = key;
            FLAGS[slot] = flags.byteValue();
        });
    }

    private PublicSuffixes() {}

    private static void add(Map<String, Integer> rules, Set<String> names, int flag) {
        for (String name : names) {
            rules.merge(name, flag | KNOWN, (a, b) -> a | b);
            for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
                rules.merge(name.substring(dot + 1), KNOWN, (a, b) -> a | b);
            }
        }
    }

    /**
     * @param host a lower-case host name, not an address
     * @return its registrable domain, or the host itself when it has none
     */
    static String registrableDomain(String host) {
        byte[] b = host.getBytes(StandardCharsets.UTF_8);
        int start = registrableStart(b, b.length);
        return start < 0 ? host : new String(b, start, nameEnd(b, b.length) - start, StandardCharsets.UTF_8);
    }

    /**
     * @param name a lower-case host name in UTF-8, not an address, in {@code name[0, length)}
     * @param length its length
     * @return where its registrable domain starts, which then ends at {@link #nameEnd}; or
     *     {@code -1} when it has none (it is a public suffix, or under no listed suffix, as an
     *     intranet name is), and the domain is the host itself
     */
    static int registrableStart(byte[] name, int length) {
        int end = nameEnd(name, length);
        int labels = 1;
        for (int i = 0; i < end; i++) {
            if (name[i] == '.') {
                labels++;
            }
        }
        int[] starts = new int[labels];
        for (int i = 0, n = 1; i < end; i++) {
            if (name[i] == '.') {
                starts[n++] = i + 1;
            }
        }
        // From the top-level domain leftwards; the leftmost match wins, as in InternetDomainName.
        int suffix = -1;
        int hash = 0;
        int power = 1;
        int p = end - 1;
        for (int i = labels - 1; i >= 0; i--) {
            // Extends the hash of the suffix from the label on its right to this label (and its dot).
            for (; p >= starts[i]; p--) {
                hash += name[p] * power;
                power *= 31;
            }
            int flags = flags(name, starts[i], end, hash);
            if (flags == 0) {
                break;
            }
            if (i > 0 && (flags & UNDER) != 0) {
                suffix = i - 1;
            } else if ((flags & EXACT) != 0) {
                suffix = i;
            } else if ((flags & EXCLUDED) != 0) {
                suffix = i + 1;
            }
        }
        return suffix <= 0 || suffix >= labels ? -1 : starts[suffix - 1];
    }

    /** @return the end of the name without its trailing dot, if it has one */
    static int nameEnd(byte[] name, int length) {
        return length > 0 && name[length - 1] == '.' ? length - 1 : length;
    }

    /** @return the rule flags of the name {@code b[from, to)}, whose {@link #hash} is given; 0 for none */
    private static int flags(byte[] b, int from, int to, int hash) {
        for (int slot = spread(hash); KEYS[slot] != null; slot = (slot + 1) & MASK) {
            if (HASHES[slot] == hash && Arrays.equals(KEYS[slot], 0, KEYS[slot].length, b, from, to)) {
                return FLAGS[slot];
            }
        }
        return 0;
    }

    /** {@code String.hashCode}'s polynomial over bytes, which a suffix can extend leftwards. */
    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) & MASK;
    }
}
