package org.lantern.filter.url;

/**
 * The one-pass fast path of {@link UrlNormaliser#normalise}: a URL already in canonical form
 * ({@code http://} or {@code https://}, a lower-case host of letters, digits, {@code -}, {@code _}
 * and dots that needs no IDN, IPv4 or port handling, and a path and query with nothing to decode,
 * encode or resolve) is cut into its parts in one scan, with no copy but the parts themselves.
 *
 * <p>Why a second parser: the general one makes a dozen passes over every character (trimming,
 * the authority scan, host checks, percent-encoding, dot segments), about 400 ns for the shared
 * stream's 44-character URLs against 170 ns with this path, and almost every request is already
 * canonical (docs/benchmarks.md, {@code UrlNormaliserBenchmark}). Anything else, from an upper-case letter in the host to a {@code %} or a
 * control character anywhere, returns {@code null} and goes the general way, so this class only
 * ever answers where the general parser would give the same result; {@code PlainUrlTest} holds
 * the two equal on the shared stream and on every edge case of the general parser's tests.
 */
final class PlainUrl {

    private static final String HTTP = "http://";
    private static final String HTTPS = "https://";

    /** Path and query characters kept as they are: {@link PathNormaliser}'s plain set, less {@code \}. */
    private static final AsciiSet PATH = AsciiSet.printableExcept("%\"<>`{}\\");

    private static final AsciiSet HOST = AsciiSet.of("abcdefghijklmnopqrstuvwxyz0123456789-_.");

    private PlainUrl() {}

    /**
     * @param url a request URL as received
     * @return its normalised form, or {@code null} when it is not already canonical
     */
    static NormalisedUrl parse(String url) {
        int n = url.length();
        if (n > UrlNormaliser.MAX_URL_LENGTH) {
            return null;
        }
        String scheme;
        int host;
        if (url.startsWith(HTTPS)) {
            scheme = "https";
            host = HTTPS.length();
        } else if (url.startsWith(HTTP)) {
            scheme = "http";
            host = HTTP.length();
        } else {
            return null;
        }
        int hostEnd = hostEnd(url, host);
        if (hostEnd < 0) {
            return null;
        }
        int pathEnd = hostEnd;
        String path = "/";
        if (hostEnd < n && url.charAt(hostEnd) == '/') {
            pathEnd = plainUntil(url, hostEnd, '?', '#');
            if (pathEnd < 0) {
                return null;
            }
            path = url.substring(hostEnd, pathEnd);
            // The general parser's own test for a path it would leave as it is.
            if (!PathNormaliser.isCanonical(path)) {
                return null;
            }
        }
        int queryEnd = pathEnd;
        if (pathEnd < n && url.charAt(pathEnd) == '?') {
            queryEnd = plainUntil(url, pathEnd + 1, '#', '#');
            if (queryEnd < 0) {
                return null;
            }
        }
        // A fragment is dropped, but a control or non-ASCII character in it is still the general
        // parser's to remove or reject.
        if (queryEnd < n && (url.charAt(queryEnd) != '#' || plainUntil(url, queryEnd + 1, (char) 0, (char) 0) < 0)) {
            return null;
        }
        String query = queryEnd == pathEnd ? "" : url.substring(pathEnd + 1, queryEnd);
        return new NormalisedUrl(scheme, url.substring(host, hostEnd), -1, path, query, false);
    }

    /**
     * @return where a plain host starting at {@code from} ends ({@code /}, {@code ?}, {@code #}
     *     or the end), or -1 when it is empty, too long, has an empty label, ends in a dot, has a
     *     punycode label or a last label starting with a digit (an IPv4 address or invalid)
     */
    private static int hostEnd(String url, int from) {
        int n = url.length();
        int label = from;
        int i = from;
        for (; i < n; i++) {
            char c = url.charAt(i);
            if (c == '.') {
                if (i == label) {
                    return -1;
                }
                label = i + 1;
            } else if (!HOST.contains(c)) {
                if (c == '/' || c == '?' || c == '#') {
                    break;
                }
                return -1;
            } else if (i == label && c == 'x' && url.startsWith("xn--", i)) {
                return -1;
            }
        }
        if (i == label || i - from > UrlNormaliser.MAX_HOST_LENGTH) {
            return -1;
        }
        char last = url.charAt(label);
        return last >= '0' && last <= '9' ? -1 : i;
    }

    /**
     * @return the index of the first {@code end} or {@code otherEnd} (or the end) from {@code from},
     *     or -1 at a character to encode first
     */
    private static int plainUntil(String url, int from, char end, char otherEnd) {
        int n = url.length();
        for (int i = from; i < n; i++) {
            char c = url.charAt(i);
            if (c == end || c == otherEnd) {
                return i;
            }
            if (!PATH.contains(c)) {
                return -1;
            }
        }
        return n;
    }
}
