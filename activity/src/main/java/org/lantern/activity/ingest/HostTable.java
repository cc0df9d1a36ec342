package org.lantern.activity.ingest;

import com.google.common.net.InetAddresses;
import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hosts with their registrable domains, cached because the public-suffix lookup costs several
 * times as much as parsing the rest of a log line, and a school's log names the same few thousand
 * hosts over and over. Direct-mapped, so its memory is fixed however many hosts a log names; a
 * collision only costs a lookup again. Not thread-safe.
 */
final class HostTable {

    /**
     * @param name the host, lower case, IPv6 without brackets
     * @param domain its registrable domain, or the host itself when it has none (an address, an
     *     intranet name, a public suffix)
     * @param ip whether the host is an IP address literal
     */
    record Host(String name, String domain, boolean ip) {}

    /** Each slot's full hash, checked before its key so that a miss does not read the key's bytes. */
    private final int[] hashes;
    private final byte[][] byteKeys;
    private final String[] stringKeys;
    private final Host[] hosts;
    private final int mask;

    /** @param slots the number of hosts kept, a power of two */
    HostTable(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        hashes = new int[slots];
        byteKeys = new byte[slots][];
        stringKeys = new String[slots];
        hosts = new Host[slots];
        mask = slots - 1;
    }

    /**
     * @param b the host as written in a URL (any case, no brackets)
     * @param from its first byte
     * @param to the index after its last byte
     * @param ascii whether the bytes are all below 0x80 (else they are UTF-8)
     * @return the host
     */
    Host get(byte[] b, int from, int to, boolean ascii) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & mask;
        byte[] key = byteKeys[slot];
        if (hashes[slot] == h && key != null && Bytes.equal(key, b, from, to)) {
            return hosts[slot];
        }
        byte[] copy = Arrays.copyOfRange(b, from, to);
        String name = new String(copy, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        Host host = describe(name.toLowerCase(Locale.ROOT));
        hashes[slot] = h;
        byteKeys[slot] = copy;
        stringKeys[slot] = null;
        hosts[slot] = host;
        return host;
    }

    /**
     * @param name a host (any case, no brackets)
     * @return the host
     */
    Host get(String name) {
        int h = name.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        if (hashes[slot] == h && name.equals(stringKeys[slot])) {
            return hosts[slot];
        }
        Host host = describe(name.toLowerCase(Locale.ROOT));
        hashes[slot] = h;
        byteKeys[slot] = null;
        stringKeys[slot] = name;
        hosts[slot] = host;
        return host;
    }

    private static Host describe(String host) {
        boolean ip = isIp(host);
        return new Host(host, ip ? host : registrableDomain(host), ip);
    }

    /** A host name ends in a letter (top-level domains do); only then is the slower full check needed. */
    private static boolean isIp(String host) {
        if (host.isEmpty()) {
            return false;
        }
        char last = host.charAt(host.length() - 1);
        boolean maybe = host.indexOf(':') >= 0 || (last >= '0' && last <= '9');
        return maybe && InetAddresses.isInetAddress(host);
    }

    /** Flags of {@link #RULES}: a name some rule ends with, a wildcard's parent, a suffix, an exception. */
    private static final int KNOWN = 1;
    private static final int UNDER = 2;
    private static final int EXACT = 4;
    private static final int EXCLUDED = 8;

    /**
     * Guava's public-suffix rules in one map, plus every name a rule ends with ({@code com} for
     * {@code s3.amazonaws.com}), so that a lookup from the top-level domain down can stop at the
     * first name no rule ends with: most hosts take two lookups.
     */
    private static final Map<String, Integer> RULES = rules();

    private static Map<String, Integer> rules() {
        Map<String, Integer> rules = new HashMap<>();
        add(rules, PublicSuffixPatterns.EXACT.keySet(), EXACT);
        add(rules, PublicSuffixPatterns.UNDER.keySet(), UNDER);
        add(rules, PublicSuffixPatterns.EXCLUDED.keySet(), EXCLUDED);
        return rules;
    }

    private static void add(Map<String, Integer> rules, Set<String> names, int flag) {
        for (String name : names) {
            rules.merge(name, flag | KNOWN, (a, b) -> a | b);
            for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
                rules.merge(name.substring(dot + 1), KNOWN, (a, b) -> a | b);
            }
        }
    }

    /**
     * The registrable domain by the public-suffix list as Guava ships it, its private section
     * included (so {@code alice.github.io} is its own site, not part of {@code github.io}).
     *
     * <p>This is {@code InternetDomainName.topPrivateDomain()}'s answer by the same rules (the
     * leftmost ancestor that is a listed suffix, a wildcard's child, or an exception's parent) on
     * the host string as it is. Building an {@code InternetDomainName} validates and splits the name
     * and joins every ancestor: about 1.3 µs a host, more than parsing the whole Squid line, and a
     * log naming a hundred thousand hosts misses any cache (docs/benchmarks.md, activity-ingest
     * section). {@code HostTableTest} checks the two agree on every host of the shared stream.
     *
     * @param host a lower-case host name, not an address
     * @return its registrable domain, or the host itself when it has none (it is a public suffix,
     *     or under no listed suffix, as an intranet name is)
     */
    static String registrableDomain(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        int labels = 1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                labels++;
            }
        }
        int[] starts = new int[labels];
        for (int i = 0, n = 1; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                starts[n++] = i + 1;
            }
        }
        // From the top-level domain leftwards; the leftmost match wins, as in InternetDomainName.
        int suffix = -1;
        for (int i = labels - 1; i >= 0; i--) {
            Integer flags = RULES.get(i == 0 ? name : name.substring(starts[i]));
            if (flags == null) {
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
        if (suffix <= 0 || suffix >= labels) {
            return host;
        }
        return name.substring(starts[suffix - 1]);
    }
}
