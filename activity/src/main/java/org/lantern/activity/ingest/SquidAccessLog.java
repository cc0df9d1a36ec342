package org.lantern.activity.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.lantern.activity.ActivityRow;
import org.lantern.filter.decision.SafeSearch;
import org.lantern.filter.url.NormalisedUrl;

/**
 * Reads Squid's native access.log format, the one every Squid writes unless told otherwise:
 *
 * <pre>
 * logformat squid %ts.%03tu %6tr %&gt;a %Ss/%03&gt;Hs %&lt;st %rm %ru %[un %Sh/%&lt;a %mt
 * 1198298240.522    782 127.0.0.1 TCP_MISS/200 19071 GET http://slashdot.org/ graeme DIRECT/66.35.250.150 text/html
 * </pre>
 *
 * that is time (seconds.milliseconds), elapsed milliseconds (right-aligned, so fields are
 * separated by runs of spaces), client address, result code / HTTP status, bytes sent to the
 * client, method, URL ({@code host:port} for {@code CONNECT}), user ({@code -} for none,
 * %-encoded), hierarchy code / peer, and content type. Anything after the content type (the
 * headers {@code log_mime_hdrs} appends) is ignored.
 *
 * <p>The row's action is {@code BLOCK} when Squid's result code says it denied the request
 * ({@code TCP_DENIED}, {@code TCP_DENIED_REPLY}), else {@code ALLOW}; status {@code 000} (no reply
 * was sent) is a {@code null} status. Lines whose URL is one of Squid's {@code error:} pseudo-URLs
 * (a connection closed before a request was read), and {@code TCP_DENIED/407} lines (Squid asking the
 * browser for proxy credentials, before the request it then logs again), record no request and are
 * skipped.
 *
 * <p>Built to keep up with a busy proxy's log on one core: the line is read as bytes where it lies
 * in the reader's buffer, and client addresses, user names, methods and hosts (with their
 * registrable domains) come from small fixed-size caches, so a typical line allocates only its URL,
 * time and row. Not thread-safe: one per reader.
 */
public final class SquidAccessLog implements LineParser {

    /** The {@link ActivityRow#source()} of Squid's rows. */
    public static final String SOURCE = "squid";

    private static final byte[] DENIED = "_DENIED".getBytes(StandardCharsets.US_ASCII);
    private static final int PROXY_AUTHENTICATION_REQUIRED = 407;
    private static final byte[] ERROR_URL = "error:".getBytes(StandardCharsets.US_ASCII);
    private static final Integer[] STATUSES = new Integer[1000];

    static {
        for (int i = 0; i < STATUSES.length; i++) {
            STATUSES[i] = i;
        }
    }

    private final SafeSearch safeSearch = new SafeSearch();
    private final StringTable clients = new StringTable(4096);
    private final StringTable users = new StringTable(8192);
    private final StringTable words = new StringTable(256);
    private final HostTable hosts = new HostTable(1 << 16);

    /** Creates a parser with empty caches. */
    public SquidAccessLog() {}

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public ActivityRow parse(byte[] b, int from, int to, boolean ascii) throws BadLineException {
        int p = skipSpaces(b, from, to);

        // time: seconds '.' three digits of milliseconds
        long seconds = 0;
        int start = p;
        while (p < to && isDigit(b[p])) {
            seconds = seconds * 10 + (b[p++] - '0');
        }
        if (p == start || p - start > 12 || p + 4 > to || b[p] != '.'
                || !isDigit(b[p + 1]) || !isDigit(b[p + 2]) || !isDigit(b[p + 3])) {
            throw new BadLineException("time is not seconds.milliseconds");
        }
        int millis = (b[p + 1] - '0') * 100 + (b[p + 2] - '0') * 10 + (b[p + 3] - '0');
        p = nextField(b, p + 4, to, "elapsed time");

        int end = tokenEnd(b, p, to);
        if (!allDigits(b, p, end)) {
            throw new BadLineException("elapsed time is not a number");
        }
        p = nextField(b, end, to, "client address");

        end = tokenEnd(b, p, to);
        String client = text(clients, b, p, end, ascii);
        p = nextField(b, end, to, "result code/status");

        end = tokenEnd(b, p, to);
        int slash = Bytes.indexOf(b, p, end, (byte) '/');
        if (slash < 0 || end - slash - 1 < 1 || end - slash - 1 > 3 || !allDigits(b, slash + 1, end)) {
            throw new BadLineException("result code/status is not CODE/status");
        }
        boolean denied = contains(b, p, slash, DENIED);
        int status = (int) number(b, slash + 1, end);
        if (denied && status == PROXY_AUTHENTICATION_REQUIRED) {
            // Squid's challenge for credentials, which the browser answers by asking again: the
            // asking again is the visit, and counting the challenge would make every signed-in
            // page a block in the reports and bypass counts.
            return null;
        }
        p = nextField(b, end, to, "bytes");

        end = tokenEnd(b, p, to);
        if (end - p > 18 || !allDigits(b, p, end)) {
            throw new BadLineException("bytes is not a number");
        }
        long bytes = number(b, p, end);
        p = nextField(b, end, to, "method");

        end = tokenEnd(b, p, to);
        String method = text(words, b, p, end, ascii);
        p = nextField(b, end, to, "URL");

        int urlFrom = p;
        int urlTo = tokenEnd(b, p, to);
        p = nextField(b, urlTo, to, "user");

        end = tokenEnd(b, p, to);
        String user = user(b, p, end, ascii);
        p = nextField(b, end, to, "hierarchy/peer");
        // The hierarchy code / peer and the content type are not kept; the type may be absent.

        boolean connect = method.equals("CONNECT");
        int authorityFrom;
        int authorityTo;
        String scheme;
        if (connect) {
            authorityFrom = urlFrom;
            authorityTo = urlTo;
            scheme = "https";
        } else {
            int colon = schemeEnd(b, urlFrom, urlTo);
            if (colon < 0) {
                if (startsWith(b, urlFrom, urlTo, ERROR_URL)) {
                    return null;
                }
                throw new BadLineException("URL has no scheme and host");
            }
            scheme = text(words, b, urlFrom, colon, ascii);
            authorityFrom = colon + 3;
            authorityTo = authorityFrom;
            while (authorityTo < urlTo && b[authorityTo] != '/' && b[authorityTo] != '?' && b[authorityTo] != '#') {
                authorityTo++;
            }
        }
        // user:password@ before the host, where a client sent it
        for (int i = authorityTo - 1; i >= authorityFrom; i--) {
            if (b[i] == '@') {
                authorityFrom = i + 1;
                break;
            }
        }
        int hostFrom = authorityFrom;
        int hostTo;
        int portFrom;
        if (hostFrom < authorityTo && b[hostFrom] == '[') {
            int close = Bytes.indexOf(b, hostFrom, authorityTo, (byte) ']');
            if (close < 0) {
                throw new BadLineException("URL has an unclosed [ in its host");
            }
            hostFrom++;
            hostTo = close;
            portFrom = close + 1 < authorityTo && b[close + 1] == ':' ? close + 2 : -1;
        } else {
            int colon = Bytes.indexOf(b, hostFrom, authorityTo, (byte) ':');
            hostTo = colon < 0 ? authorityTo : colon;
            portFrom = colon < 0 ? -1 : colon + 1;
        }
        if (hostFrom == hostTo) {
            throw new BadLineException("URL has no host");
        }
        int port = -1;
        if (portFrom >= 0) {
            if (portFrom == authorityTo || authorityTo - portFrom > 5 || !allDigits(b, portFrom, authorityTo)) {
                throw new BadLineException("URL port is not a number");
            }
            port = (int) number(b, portFrom, authorityTo);
        }
        HostTable.Host host = hosts.get(b, hostFrom, hostTo, ascii);
        String url = string(b, urlFrom, urlTo, ascii);

        String searchTerm = null;
        if (!connect && !host.ip()) {
            int question = Bytes.indexOf(b, authorityTo, urlTo, (byte) '?');
            if (question >= 0 && question + 1 < urlTo) {
                searchTerm = searchTerm(b, scheme, host.name(), port, authorityTo, question, urlTo, ascii);
            }
        }

        return new ActivityRow(Instant.ofEpochSecond(seconds, millis * 1_000_000L), null, user, null, null, client,
                null, method, host.name(), host.domain(), url, null, null, denied ? "BLOCK" : "ALLOW", null, null,
                searchTerm, false, status == 0 ? null : STATUSES[status], bytes, SOURCE);
    }

    /**
     * Asks the filter's own search-term reader, so a search reads the same in the activity log as
     * in the filter's decisions. Squid logs the URL as the client sent it rather than in the
     * filter's normalised form; the host, path and query are what the reader looks at, and those
     * Squid leaves as they were sent.
     */
    private String searchTerm(byte[] b, String scheme, String host, int port, int pathFrom, int question, int urlTo,
                              boolean ascii) {
        int hash = Bytes.indexOf(b, question + 1, urlTo, (byte) '#');
        String path = pathFrom == question ? "/" : string(b, pathFrom, question, ascii);
        if (!path.startsWith("/")) {
            return null;
        }
        String query = string(b, question + 1, hash < 0 ? urlTo : hash, ascii);
        return safeSearch.searchTerm(new NormalisedUrl(scheme, host, port, path, query, false));
    }

    /** Squid writes {@code -} for no user, and %-encodes the characters a name must not carry into the log. */
    private String user(byte[] b, int from, int to, boolean ascii) {
        if (to - from == 1 && b[from] == '-') {
            return null;
        }
        if (Bytes.indexOf(b, from, to, (byte) '%') < 0) {
            return text(users, b, from, to, ascii);
        }
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            int hi;
            int lo;
            if (b[i] == '%' && i + 2 < to && (hi = Bytes.hex(b[i + 1])) >= 0 && (lo = Bytes.hex(b[i + 2])) >= 0) {
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                out[n++] = b[i];
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** @return a repeated field's string, from its cache when it is ASCII */
    private static String text(StringTable table, byte[] b, int from, int to, boolean ascii) {
        if (ascii || isAscii(b, from, to)) {
            return table.get(b, from, to);
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private static String string(byte[] b, int from, int to, boolean ascii) {
        return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** @return the index of the {@code :} of {@code scheme://}, or {@code -1} */
    private static int schemeEnd(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == ':') {
                return i > from && i + 2 < to && b[i + 1] == '/' && b[i + 2] == '/' ? i : -1;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-'
                    || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    /** @return the start of the field after the spaces at {@code p}, which must be there */
    private static int nextField(byte[] b, int p, int to, String field) throws BadLineException {
        if (p >= to || b[p] != ' ') {
            throw new BadLineException(p >= to ? "no " + field : "no space before " + field);
        }
        p = skipSpaces(b, p, to);
        if (p >= to) {
            throw new BadLineException("no " + field);
        }
        return p;
    }

    private static int skipSpaces(byte[] b, int p, int to) {
        while (p < to && b[p] == ' ') {
            p++;
        }
        return p;
    }

    private static int tokenEnd(byte[] b, int p, int to) {
        return Bytes.spaceOrEnd(b, p, to);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(byte[] b, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** @return the value of the digits {@code b[from, to)}, already checked to be at most 18 */
    private static long number(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return n;
    }

    private static boolean isAscii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        return to - from >= prefix.length && Bytes.equal(prefix, b, from, from + prefix.length);
    }

    private static boolean contains(byte[] b, int from, int to, byte[] needle) {
        for (int i = from; i + needle.length <= to; i++) {
            if (Bytes.equal(needle, b, i, i + needle.length)) {
                return true;
            }
        }
        return false;
    }
}
