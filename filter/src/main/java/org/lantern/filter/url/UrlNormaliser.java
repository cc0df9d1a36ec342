package org.lantern.filter.url;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lantern.filter.url.MalformedUrlException.Reason;

/**
 * Turns a request URL into the canonical {@link NormalisedUrl} that lists are matched against,
 * parsing it the way a browser does (WHATWG URL Standard) because every difference between what
 * the filter sees and what the browser fetches is an evasion route.
 *
 * <p>Accepts absolute URLs with a special scheme ({@code http}, {@code https}, {@code ws}, {@code
 * wss}, {@code ftp}), bare {@code host[:port]/path} as found in squidGuard input (taken as http),
 * and the authority form of {@code CONNECT} through {@link #normaliseConnect(String)}. Stateless
 * and thread-safe. See {@code docs/filter.md} for the full rule list.
 */
public final class UrlNormaliser {

    /** Longest URL accepted, in characters; longer input is rejected before any parsing. */
    public static final int MAX_URL_LENGTH = 8192;

    /** Longest host accepted, in ASCII characters without the trailing dot (DNS limit). */
    public static final int MAX_HOST_LENGTH = 253;

    private static final Map<String, Integer> DEFAULT_PORTS =
            Map.of("http", 80, "https", 443, "ws", 80, "wss", 443, "ftp", 21);

    private static final List<String> SPECIAL_SCHEMES = List.copyOf(DEFAULT_PORTS.keySet());

    private static final AsciiSet AUTHORITY_END = AsciiSet.of("/\\?#");

    /** Creates a normaliser; it holds no state, so one instance can serve every thread. */
    public UrlNormaliser() {}

    /**
     * Normalises a request URL.
     *
     * @param url the URL as received (absolute, or bare {@code host/path})
     * @return the canonical form
     * @throws MalformedUrlException with a {@link Reason} when the URL cannot be parsed
     */
    public NormalisedUrl normalise(String url) throws MalformedUrlException {
        NormalisedUrl plain = url == null ? null : PlainUrl.parse(url);
        return plain != null ? plain : normaliseInFull(url);
    }

    /** {@link #normalise} without {@link PlainUrl}'s fast path, so tests can hold the two equal. */
    NormalisedUrl normaliseInFull(String url) throws MalformedUrlException {
        String input = clean(url);
        String scheme = "http";
        int rest = 0;
        int colon = schemeEnd(input);
        if (colon > 0) {
            String special = specialScheme(input, colon);
            if (special != null) {
                scheme = special;
                rest = colon + 1;
            } else if (input.startsWith("//", colon + 1)) {
                throw new MalformedUrlException(Reason.UNSUPPORTED_SCHEME, "scheme "
                        + HostParser.excerpt(input.substring(0, colon).toLowerCase(Locale.ROOT))
                        + " is not filtered web traffic");
            }
        }
        // Special schemes ignore any run of slashes and backslashes before the authority.
        while (rest < input.length() && (input.charAt(rest) == '/' || input.charAt(rest) == '\\')) {
            rest++;
        }
        int authorityEnd = rest;
        while (authorityEnd < input.length() && !AUTHORITY_END.contains(input.charAt(authorityEnd))) {
            authorityEnd++;
        }
        String authority = input.substring(rest, authorityEnd);
        String tail = input.substring(authorityEnd);
        int hash = tail.indexOf('#');
        if (hash >= 0) {
            tail = tail.substring(0, hash);
        }
        int question = tail.indexOf('?');
        String rawPath = question >= 0 ? tail.substring(0, question) : tail;
        String rawQuery = question >= 0 ? tail.substring(question + 1) : "";
        return build(scheme, authority, rawPath, rawQuery);
    }

    /**
     * Normalises the target of a {@code CONNECT} request ({@code host:port}, no scheme or path).
     * The tunnel is assumed to carry TLS, so the scheme is {@code https} and port 443 is the
     * default; the path is {@code /} because the real one is encrypted.
     *
     * @param authority the request target, e.g. {@code example.com:443} or {@code [::1]:8443}
     * @return the canonical form
     * @throws MalformedUrlException with a {@link Reason} when the authority cannot be parsed
     */
    public NormalisedUrl normaliseConnect(String authority) throws MalformedUrlException {
        String input = clean(authority);
        if (input.indexOf('/') >= 0 || input.indexOf('\\') >= 0 || input.indexOf('?') >= 0 || input.indexOf('#') >= 0) {
            throw new MalformedUrlException(
                    Reason.INVALID_HOST, "CONNECT target must be host:port, got " + HostParser.excerpt(input));
        }
        return build("https", input, "/", "");
    }

    /**
     * Normalises a host alone, as list loaders do for domain entries.
     *
     * @param host a host name or IP literal (IPv6 in brackets)
     * @return the canonical host
     * @throws MalformedUrlException with a {@link Reason} when it is not a valid host
     */
    public NormalisedHost normaliseHost(String host) throws MalformedUrlException {
        return HostParser.parse(clean(host));
    }

    /**
     * Normalises a path as request paths are, so list entries and requests compare in one form.
     *
     * @param path a raw path, with or without a leading slash
     * @return the canonical path, starting with {@code /}
     */
    public String normalisePath(String path) {
        return PathNormaliser.normalisePath(path);
    }

    private NormalisedUrl build(String scheme, String authority, String rawPath, String rawQuery)
            throws MalformedUrlException {
        // Browsers use the last @: everything before it is credentials, never the host.
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        String rawHost = hostPort;
        String rawPort = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new MalformedUrlException(Reason.INVALID_IPV6, "unclosed bracket in " + HostParser.excerpt(hostPort));
            }
            rawHost = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && after.charAt(0) != ':') {
                throw new MalformedUrlException(Reason.INVALID_IPV6, "junk after IPv6 literal in " + HostParser.excerpt(hostPort));
            }
            rawPort = after.isEmpty() ? "" : after.substring(1);
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                rawHost = hostPort.substring(0, colon);
                rawPort = hostPort.substring(colon + 1);
            }
        }
        if (rawHost.isEmpty()) {
            throw new MalformedUrlException(Reason.EMPTY_HOST, "no host in " + HostParser.excerpt(authority));
        }
        NormalisedHost host = HostParser.parse(rawHost);
        int port = parsePort(rawPort);
        if (port == DEFAULT_PORTS.get(scheme)) {
            port = -1;
        }
        return new NormalisedUrl(
                scheme,
                host.name(),
                port,
                PathNormaliser.normalisePath(rawPath),
                PathNormaliser.normaliseQuery(rawQuery),
                host.ip());
    }

    private static int parsePort(String raw) throws MalformedUrlException {
        if (raw.isEmpty()) {
            return -1;
        }
        if (raw.length() > 5) {
            throw new MalformedUrlException(Reason.INVALID_PORT, "port " + HostParser.excerpt(raw) + " is out of range");
        }
        int port = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedUrlException(Reason.INVALID_PORT, "port " + HostParser.excerpt(raw) + " is not a number");
            }
            port = port * 10 + (c - '0');
        }
        if (port > 65535) {
            throw new MalformedUrlException(Reason.INVALID_PORT, "port " + port + " is out of range");
        }
        return port;
    }

    /**
     * Bounds the length, rejects undecodable input, trims C0 controls and spaces at both ends and
     * removes tabs and newlines anywhere, as the URL Standard's parser does.
     */
    private static String clean(String raw) throws MalformedUrlException {
        if (raw == null) {
            throw new MalformedUrlException(Reason.EMPTY, "no URL");
        }
        if (raw.length() > MAX_URL_LENGTH) {
            throw new MalformedUrlException(
                    Reason.TOO_LONG, "URL has " + raw.length() + " characters, more than " + MAX_URL_LENGTH);
        }
        if (raw.indexOf('\uFFFD') >= 0) {
            throw new MalformedUrlException(
                    Reason.INVALID_ENCODING, "URL contains replacement characters from undecodable bytes");
        }
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= 0x20) {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= 0x20) {
            end--;
        }
        if (start == end) {
            throw new MalformedUrlException(Reason.EMPTY, "the URL is empty");
        }
        String trimmed = raw.substring(start, end);
        // Only copied when there is something to remove: a copy of every URL showed in the squid
        // helper's profile, and tabs or newlines inside a URL are rare.
        if (trimmed.indexOf('\t') < 0 && trimmed.indexOf('\n') < 0 && trimmed.indexOf('\r') < 0) {
            return trimmed;
        }
        return withoutTabsOrNewlines(trimmed);
    }

    /** Apart from {@link #clean} so that the common case stays small enough to inline. */
    private static String withoutTabsOrNewlines(String trimmed) {
        StringBuilder out = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @return the special scheme {@code input} starts with (its first {@code length} characters,
     *     in any case), lower-case, or {@code null}; compared in place because a lower-cased copy
     *     of every request's scheme showed in the squid helper's profile
     */
    private static String specialScheme(String input, int length) {
        for (String scheme : SPECIAL_SCHEMES) {
            if (scheme.length() == length && input.regionMatches(true, 0, scheme, 0, length)) {
                return scheme;
            }
        }
        return null;
    }

    /** @return the index of the colon ending a syntactically valid scheme, or -1 */
    private static int schemeEnd(String input) {
        if (input.isEmpty() || !isAsciiLetter(input.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
