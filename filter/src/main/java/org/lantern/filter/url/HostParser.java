package org.lantern.filter.url;

import com.google.common.net.InetAddresses;
import com.ibm.icu.text.IDNA;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.lantern.filter.url.MalformedUrlException.Reason;

/**
 * WHATWG URL Standard host parsing: percent-decoding, UTS #46 (via ICU4J), the IPv4 number
 * forms browsers accept, and IPv6 literals (via Guava). Pure functions, thread-safe.
 */
final class HostParser {

    /*
     * WHATWG "domain to ASCII": CheckHyphens=false, CheckBidi=true, CheckJoiners=true,
     * UseSTD3ASCIIRules=false, Transitional_Processing=false, VerifyDnsLength=false. ICU always
     * reports hyphen and length problems, so those errors are ignored below instead.
     */
    private static final IDNA UTS46 =
            IDNA.getUTS46Instance(
                    IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

    private static final Set<IDNA.Error> IGNORED_IDNA_ERRORS =
            EnumSet.of(
                    IDNA.Error.HYPHEN_3_4,
                    IDNA.Error.LEADING_HYPHEN,
                    IDNA.Error.TRAILING_HYPHEN,
                    IDNA.Error.LABEL_TOO_LONG,
                    IDNA.Error.DOMAIN_NAME_TOO_LONG);

    /** WHATWG: a domain may not contain C0 controls, space, DEL, non-ASCII or these. */
    private static final AsciiSet DOMAIN_CHARACTERS = AsciiSet.printableExcept("#%/:<>?@[\\]^|");

    private static final AsciiSet PLAIN_HOST =
            AsciiSet.of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._");

    private HostParser() {}

    static NormalisedHost parse(String input) throws MalformedUrlException {
        if (input.isEmpty()) {
            throw new MalformedUrlException(Reason.EMPTY_HOST, "the host is empty");
        }
        if (input.charAt(0) == '[') {
            return parseIpv6(input);
        }
        String decoded = input.indexOf('%') >= 0 ? percentDecode(input) : input;
        boolean plain = isPlainAscii(decoded);
        String ascii = plain ? decoded.toLowerCase(Locale.ROOT) : toAscii(decoded);
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty()) {
            throw new MalformedUrlException(Reason.EMPTY_HOST, "the host is empty");
        }
        // A plain host holds only letters, digits, '-', '.' and '_', none of them forbidden.
        checkDomainCharacters(ascii, !plain);
        if (endsInNumber(ascii)) {
            return new NormalisedHost(Ipv4Parser.parse(ascii), true);
        }
        if (ascii.length() > UrlNormaliser.MAX_HOST_LENGTH) {
            throw new MalformedUrlException(
                    Reason.HOST_TOO_LONG,
                    "the host has " + ascii.length() + " characters, more than " + UrlNormaliser.MAX_HOST_LENGTH);
        }
        return new NormalisedHost(ascii, false);
    }

    /**
     * Fast path for the overwhelming majority of hosts, which need no UTS #46 mapping: ASCII
     * letters, digits, hyphens, underscores and dots, with no punycode label that ICU must verify.
     * Hand-written because it runs for every request and every list entry.
     */
    private static boolean isPlainAscii(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!PLAIN_HOST.contains(c)) {
                return false;
            }
            if ((c == 'x' || c == 'X') && (i == 0 || s.charAt(i - 1) == '.') && s.regionMatches(true, i, "xn--", 0, 4)) {
                return false;
            }
        }
        return true;
    }

    private static String toAscii(String host) throws MalformedUrlException {
        StringBuilder out = new StringBuilder(host.length() + 8);
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(host, out, info);
        if (info.hasErrors()) {
            Set<IDNA.Error> errors = EnumSet.copyOf(info.getErrors());
            errors.removeAll(IGNORED_IDNA_ERRORS);
            if (!errors.isEmpty()) {
                throw new MalformedUrlException(
                        Reason.INVALID_HOST, "UTS #46 processing failed " + errors + " for " + excerpt(host));
            }
        }
        return out.toString();
    }

    /** Rejects WHATWG forbidden domain code points and empty labels in an ASCII host. */
    private static void checkDomainCharacters(String ascii, boolean forbiddenPossible) throws MalformedUrlException {
        int n = ascii.length();
        for (int i = 0; i < n; i++) {
            char c = ascii.charAt(i);
            if (forbiddenPossible && !DOMAIN_CHARACTERS.contains(c)) {
                throw new MalformedUrlException(
                        Reason.INVALID_HOST,
                        String.format("forbidden character U+%04X in host %s", (int) c, excerpt(ascii)));
            }
            if (c == '.' && (i == 0 || ascii.charAt(i - 1) == '.')) {
                throw new MalformedUrlException(
                        Reason.INVALID_HOST, "empty label in host " + excerpt(ascii));
            }
        }
    }

    /** WHATWG "ends in a number checker": such hosts are IPv4 addresses or invalid, never names. */
    private static boolean endsInNumber(String ascii) {
        int start = ascii.lastIndexOf('.') + 1;
        int n = ascii.length();
        // Both number forms start with a digit; most hosts end in a letter and stop here.
        if (start == n || ascii.charAt(start) < '0' || ascii.charAt(start) > '9') {
            return false;
        }
        int i = start;
        while (i < n && ascii.charAt(i) >= '0' && ascii.charAt(i) <= '9') {
            i++;
        }
        if (i == n) {
            return true;
        }
        if (n - start >= 2 && ascii.charAt(start) == '0' && (ascii.charAt(start + 1) == 'x' || ascii.charAt(start + 1) == 'X')) {
            for (i = start + 2; i < n; i++) {
                if (Character.digit(ascii.charAt(i), 16) < 0) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static NormalisedHost parseIpv6(String input) throws MalformedUrlException {
        if (input.length() < 2 || input.charAt(input.length() - 1) != ']') {
            throw new MalformedUrlException(Reason.INVALID_IPV6, "unclosed bracket in " + excerpt(input));
        }
        String literal = input.substring(1, input.length() - 1);
        // Browsers reject zone identifiers; Guava would accept them.
        if (literal.indexOf('%') >= 0 || literal.indexOf(':') < 0) {
            throw new MalformedUrlException(Reason.INVALID_IPV6, "not an IPv6 address: " + excerpt(input));
        }
        InetAddress address;
        try {
            address = InetAddresses.forString(literal);
        } catch (IllegalArgumentException e) {
            throw new MalformedUrlException(Reason.INVALID_IPV6, "not an IPv6 address: " + excerpt(input));
        }
        // IPv4-mapped addresses come back as Inet4Address: match them as the IPv4 host they reach.
        if (address instanceof Inet4Address) {
            return new NormalisedHost(address.getHostAddress(), true);
        }
        return new NormalisedHost(InetAddresses.toAddrString(address), true);
    }

    private static String percentDecode(String host) throws MalformedUrlException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(host.length());
        int n = host.length();
        for (int i = 0; i < n; i++) {
            char c = host.charAt(i);
            if (c == '%' && i + 2 < n
                    && Character.digit(host.charAt(i + 1), 16) >= 0
                    && Character.digit(host.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(host.charAt(i + 1), 16) * 16 + Character.digit(host.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < n) {
                    utf8 = host.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedUrlException(
                    Reason.INVALID_ENCODING, "percent-encoded host is not UTF-8: " + excerpt(host));
        }
    }

    static String excerpt(String s) {
        return s.length() <= 80 ? '"' + s + '"' : '"' + s.substring(0, 80) + "\"... (" + s.length() + " chars)";
    }
}
