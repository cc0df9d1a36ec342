package org.lantern.activity.ingest;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

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

    private final byte[][] byteKeys;
    private final String[] stringKeys;
    private final Host[] hosts;
    private final int mask;

    /** @param slots the number of hosts kept, a power of two */
    HostTable(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
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
        if (key != null && Bytes.equal(key, b, from, to)) {
            return hosts[slot];
        }
        byte[] copy = Arrays.copyOfRange(b, from, to);
        String name = new String(copy, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        Host host = describe(name.toLowerCase(Locale.ROOT));
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
        if (name.equals(stringKeys[slot])) {
            return hosts[slot];
        }
        Host host = describe(name.toLowerCase(Locale.ROOT));
        byteKeys[slot] = null;
        stringKeys[slot] = name;
        hosts[slot] = host;
        return host;
    }

    private static Host describe(String host) {
        boolean ip = InetAddresses.isInetAddress(host);
        return new Host(host, ip ? host : registrableDomain(host), ip);
    }

    /**
     * The registrable domain by the public-suffix list as Guava ships it (its private section
     * included, so {@code alice.github.io} is its own site, not part of {@code github.io}).
     *
     * @param host a lower-case host
     * @return its registrable domain, or the host itself when it has none
     */
    static String registrableDomain(String host) {
        if (host.isEmpty() || InetAddresses.isInetAddress(host)) {
            return host;
        }
        try {
            InternetDomainName name = InternetDomainName.from(host);
            return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : host;
        } catch (IllegalArgumentException e) {
            // Not a valid domain name (an underscore, an over-long label): nothing to group it by.
            return host;
        }
    }
}
