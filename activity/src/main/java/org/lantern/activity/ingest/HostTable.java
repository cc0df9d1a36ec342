package org.lantern.activity.ingest;

import com.google.common.net.InetAddresses;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Hosts with their registrable domains, cached because the public-suffix lookup costs more than
 * parsing the rest of a log line, and a school's log names the same few thousand hosts over and
 * over. Direct-mapped, so its memory is fixed however many hosts a log names; a collision only
 * costs a lookup again. Not thread-safe.
 */
final class HostTable {

    /**
     * @param name the host, lower case, IPv6 without brackets
     * @param domain its registrable domain, or the host itself when it has none (an address, an
     *     intranet name, a public suffix)
     * @param ip whether the host is an IP address literal
     */
    record Host(String name, String domain, boolean ip) {}

    /**
     * Host names up to this long are kept in their slot: two thirds of the request stream's hosts
     * are at most 24 bytes, almost all at most 40.
     */
    private static final int INLINE_BYTES = 40;

    private final SlotKeys keys;
    private final Host[] hosts;
    /** The host being described, lower-cased; grows for a longer one. */
    private byte[] lower = new byte[256];

    /** @param slots the number of hosts kept, a power of two */
    HostTable(int slots) {
        keys = new SlotKeys(slots, INLINE_BYTES);
        hosts = new Host[slots];
    }

    /**
     * @param b the host as written in a URL (any case, no brackets)
     * @param from its first byte
     * @param to the index after its last byte
     * @param ascii whether the bytes are all below 0x80 (else they are UTF-8)
     * @return the host
     */
    Host get(byte[] b, int from, int to, boolean ascii) {
        int h = SlotKeys.hash(b, from, to);
        int slot = keys.slot(h);
        if (keys.holds(slot, h, b, from, to)) {
            return hosts[slot];
        }
        Host host = ascii ? describeAscii(b, from, to)
                : describe(new String(b, from, to - from, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
        keys.put(slot, h, b, from, to);
        hosts[slot] = host;
        return host;
    }

    /**
     * @param name a host (any case, no brackets)
     * @return the host
     */
    Host get(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        return get(b, 0, b.length, b.length == name.length());
    }

    /** Lower-cases and looks up the suffixes on the bytes, making no string but the host's and its domain's. */
    private Host describeAscii(byte[] b, int from, int to) {
        int n = to - from;
        if (lower.length < n) {
            lower = new byte[n];
        }
        byte[] l = lower;
        for (int i = 0; i < n; i++) {
            byte c = b[from + i];
            l[i] = c >= 'A' && c <= 'Z' ? (byte) (c + ('a' - 'A')) : c;
        }
        String name = new String(l, 0, n, StandardCharsets.ISO_8859_1);
        if (isIp(name)) {
            return new Host(name, name, true);
        }
        int start = PublicSuffixes.registrableStart(l, n);
        int end = PublicSuffixes.nameEnd(l, n);
        String domain = start < 0 ? name : start == 0 && end == n ? name : name.substring(start, end);
        return new Host(name, domain, false);
    }

    private static Host describe(String host) {
        boolean ip = isIp(host);
        return new Host(host, ip ? host : PublicSuffixes.registrableDomain(host), ip);
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
}
