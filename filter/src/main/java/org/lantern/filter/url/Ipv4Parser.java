package org.lantern.filter.url;

import org.lantern.filter.url.MalformedUrlException.Reason;

/**
 * WHATWG IPv4 parser: one to four dot-separated parts, each decimal, octal (leading {@code 0}) or
 * hexadecimal ({@code 0x}), the last part filling all remaining bytes. So {@code 3232235777},
 * {@code 0300.0250.01.01}, {@code 0xc0a80101}, {@code 192.168.257} and {@code 192.11010305} are
 * all {@code 192.168.1.1}, exactly as a browser resolves them.
 */
final class Ipv4Parser {

    /** Enough digits for any 32-bit value in any radix, so longer parts are out of range early. */
    private static final int MAX_PART_LENGTH = 34;

    private Ipv4Parser() {}

    static String parse(String host) throws MalformedUrlException {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            throw invalid(host, "more than four parts");
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = parsePart(host, parts[i]);
        }
        for (int i = 0; i < parts.length - 1; i++) {
            if (numbers[i] > 255) {
                throw invalid(host, "part " + (i + 1) + " is greater than 255");
            }
        }
        long last = numbers[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            throw invalid(host, "the last part is out of range");
        }
        long address = last;
        for (int i = 0; i < parts.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return ((address >> 24) & 0xff)
                + "."
                + ((address >> 16) & 0xff)
                + "."
                + ((address >> 8) & 0xff)
                + "."
                + (address & 0xff);
    }

    private static long parsePart(String host, String part) throws MalformedUrlException {
        if (part.isEmpty()) {
            throw invalid(host, "empty part");
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && part.charAt(0) == '0' && (part.charAt(1) == 'x' || part.charAt(1) == 'X')) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.charAt(0) == '0') {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return 0;
        }
        if (digits.length() > MAX_PART_LENGTH) {
            throw invalid(host, "part " + HostParser.excerpt(part) + " is out of range");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                throw invalid(host, "part " + HostParser.excerpt(part) + " is not a base-" + radix + " number");
            }
            value = value * radix + d;
            if (value > 0xFFFF_FFFFL) {
                throw invalid(host, "part " + HostParser.excerpt(part) + " is out of range");
            }
        }
        return value;
    }

    private static MalformedUrlException invalid(String host, String why) {
        return new MalformedUrlException(
                Reason.INVALID_IPV4, "host " + HostParser.excerpt(host) + " is not a valid IPv4 address: " + why);
    }
}
