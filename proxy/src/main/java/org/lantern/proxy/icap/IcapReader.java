package org.lantern.proxy.icap;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lantern.filter.url.AsciiSet;

/**
 * Reads ICAP requests (RFC 3507) from one connection's byte stream, strictly: every size is
 * bounded, every structural error becomes an {@link IcapException} with the status to answer.
 *
 * <p>Hand-written rather than built on an HTTP library because this is the hot path of every web
 * request in the school, and because ICAP's encapsulation (byte offsets into header sections,
 * preview with {@code ieof}) is not something HTTP parsers offer.
 */
public final class IcapReader {

    /** Largest accepted preview, in bytes; Lantern asks for none, so this only bounds a client. */
    public static final int MAX_PREVIEW = 64 * 1024;

    private static final int MAX_CHUNK_LINE = 1024;
    private static final String ICAP_VERSION = "ICAP/1.0";
    private static final String ICAP_SCHEME = "icap://";
    private static final String HTTP_VERSION_PREFIX = "HTTP/";

    private static final String[] SECTION_NAMES = {"req-hdr", "res-hdr", "req-body", "res-body", "null-body",
            "opt-body"};

    // Sections as encapsulated numbers them: 1 + the name's index in SECTION_NAMES.
    private static final int REQ_HDR = 1;
    private static final int RES_HDR = 2;
    private static final int NULL_BODY = 5;

    // Every valid sequence of Encapsulated section names, per method (RFC 3507 4.4.1), indexed by
    // the sequence as a number (see encapsulated): an array read, since this runs on every request.
    private static final boolean[] REQMOD_SECTIONS = sequences("req-body", "null-body", "req-hdr req-body",
            "req-hdr null-body");
    private static final boolean[] RESPMOD_SECTIONS = sequences("res-body", "null-body", "res-hdr res-body",
            "res-hdr null-body", "req-hdr res-body", "req-hdr null-body", "req-hdr res-hdr res-body",
            "req-hdr res-hdr null-body");
    private static final boolean[] OPTIONS_SECTIONS = sequences("null-body", "opt-body");

    /** RFC 9110 token characters: every header name of every request is checked. */
    private static final AsciiSet TOKEN = AsciiSet.printableExcept("()<>@,;:\\\"/[]?={}");

    private final InputStream in;
    private final int maxHeaderBytes;
    private final byte[] copyBuffer = new byte[16 * 1024];
    private byte[] line = new byte[256];
    private byte[] section = new byte[512];
    // Where splitThree found the request line's two spaces.
    private int first;
    private int second;
    // The sections encapsulated found: 1 + each one's index in SECTION_NAMES, and its offset.
    private final int[] sections = new int[SECTION_NAMES.length];
    private final int[] offsets = new int[SECTION_NAMES.length + 1];
    private int sectionCount;

    /**
     * @param in the connection's input, buffered by the caller
     * @param maxHeaderBytes the most bytes accepted for the ICAP header section, and separately
     *     for each encapsulated HTTP header section
     */
    public IcapReader(InputStream in, int maxHeaderBytes) {
        this.in = in;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /**
     * Waits for the next request on a keep-alive connection.
     *
     * @return {@code false} when the client closed the connection cleanly between requests
     * @throws IOException on a read failure, including the idle timeout
     */
    public boolean awaitRequest() throws IOException {
        in.mark(1);
        int b = in.read();
        if (b < 0) {
            return false;
        }
        in.reset();
        return true;
    }

    /**
     * Reads a request line, the ICAP headers and the encapsulated HTTP headers.
     *
     * @return the request, positioned at the start of its body, if any
     * @throws IcapException if the request is malformed, oversized or not supported
     * @throws IOException on a read failure or end of stream inside the request
     */
    public IcapRequest readRequest() throws IcapException, IOException {
        int[] budget = {maxHeaderBytes};
        int lineLength = readLineBytes(budget, "ICAP header section");
        if (!splitThree(line, 0, lineLength) || first == 0 || second == first + 1) {
            throw new IcapException(400, "request line is not 'METHOD icap://host/service ICAP/1.0'");
        }
        if (lineLength - second - 1 != ICAP_VERSION.length() || !sameAscii(line, second + 1, ICAP_VERSION)) {
            throw new IcapException(505, "ICAP version not supported: "
                    + printable(latin1(line, second + 1, lineLength)));
        }
        String method = word(line, 0, first);
        String service = serviceOf(line, first + 1, second);
        IcapHeaders headers = readHeaders(budget, "ICAP header section");
        if (!method.equals("OPTIONS") && !method.equals("REQMOD") && !method.equals("RESPMOD")) {
            throw new IcapException(501, "method not implemented: " + printable(method));
        }

        encapsulated(headers, method);
        HttpRequestHead http = null;
        boolean hasBody = false;
        int previous = 0;
        for (int i = 0; i < sectionCount; i++) {
            int section = sections[i];
            int offset = offsets[i];
            if (offset != previous) {
                throw new IcapException(400, "Encapsulated offsets do not match the sections sent");
            }
            if (section == REQ_HDR || section == RES_HDR) {
                // A header section is never last (the sequences above), so a section follows it.
                int length = offsets[i + 1] - offset;
                byte[] raw = readExactly(length);
                if (section == REQ_HDR) {
                    http = parseHttpRequest(raw);
                }
                previous = offset + length;
            } else {
                hasBody = section != NULL_BODY;
            }
        }
        int preview = -1;
        int previewField = headers.indexOf("Preview");
        if (previewField >= 0) {
            preview = digits(headers.bytes(), headers.valueStart(previewField), headers.valueEnd(previewField));
            if (preview < 0 || preview > MAX_PREVIEW) {
                throw new IcapException(400, "Preview must be a number from 0 to " + MAX_PREVIEW + ": "
                        + printable(headers.get("Preview").orElseThrow()));
            }
        }
        return new IcapRequest(method, service, headers, http, hasBody, preview);
    }

    /**
     * Reads the preview chunks that follow the headers when the client announced a preview.
     *
     * @param into receives the preview bytes
     * @param previewSize the preview size the client announced
     * @return whether the client marked the preview as the whole body ({@code ieof})
     * @throws IcapException on a malformed chunk or more data than the announced preview
     * @throws IOException on a read failure
     */
    public boolean readPreview(ByteArrayOutputStream into, int previewSize) throws IcapException, IOException {
        int total = 0;
        while (true) {
            String line = readChunkLine();
            int size = chunkSize(line);
            if (size == 0) {
                readChunkEnd();
                return isIeof(line);
            }
            total += size;
            if (total > previewSize) {
                throw new IcapException(400, "preview longer than the announced " + previewSize + " bytes");
            }
            into.write(readExactly(size));
            expectCrlf();
        }
    }

    /**
     * Copies the rest of a chunked body to {@code out}, re-chunked, ending with the last chunk.
     *
     * @param out where to write, or {@code null} to discard the body
     * @throws IcapException on a malformed chunk
     * @throws IOException on a read or write failure
     */
    public void copyBody(OutputStream out) throws IcapException, IOException {
        while (true) {
            String line = readChunkLine();
            int size = chunkSize(line);
            if (size == 0) {
                readChunkEnd();
                if (out != null) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                return;
            }
            if (out != null) {
                out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            int left = size;
            while (left > 0) {
                int n = in.read(copyBuffer, 0, Math.min(left, copyBuffer.length));
                if (n < 0) {
                    throw new EOFException("connection closed inside a body chunk");
                }
                if (out != null) {
                    out.write(copyBuffer, 0, n);
                }
                left -= n;
            }
            expectCrlf();
            if (out != null) {
                out.write('\r');
                out.write('\n');
            }
        }
    }

    /**
     * Finds the two single spaces of a request line ({@code METHOD URI VERSION}) in
     * {@code bytes[from, to)}, into {@link #first} and {@link #second}: the words are then read
     * straight from the bytes, so neither the line nor a word the server does not keep (the ICAP
     * URI, say) ever becomes a string.
     *
     * @return whether the line has exactly two spaces
     */
    private boolean splitThree(byte[] bytes, int from, int to) {
        first = ByteScan.indexOf(bytes, from, to, (byte) ' ');
        second = first < 0 ? -1 : ByteScan.indexOf(bytes, first + 1, to, (byte) ' ');
        return second >= 0 && ByteScan.indexOf(bytes, second + 1, to, (byte) ' ') < 0;
    }

    private static String latin1(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Methods, versions and service names every request repeats, shared rather than copied each time. */
    private static final String[] COMMON_WORDS = {"REQMOD", "OPTIONS", "RESPMOD", "ICAP/1.0", "GET", "POST", "HEAD",
        "CONNECT", "PUT", "HTTP/1.1", "HTTP/1.0", "reqmod", "respmod"};

    /** @return {@code bytes[from, to)} as text, the shared string when it is one of {@link #COMMON_WORDS} */
    private static String word(byte[] bytes, int from, int to) {
        int length = to - from;
        for (String common : COMMON_WORDS) {
            if (common.length() == length && sameAscii(bytes, from, common)) {
                return common;
            }
        }
        return latin1(bytes, from, to);
    }

    private static boolean sameAscii(byte[] bytes, int from, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return the service named by the ICAP URI in {@code bytes[from, to)}: its path, without a query */
    private static String serviceOf(byte[] bytes, int from, int to) throws IcapException {
        int start;
        if (to - from >= ICAP_SCHEME.length() && sameAscii(bytes, from, ICAP_SCHEME)) {
            int slash = ByteScan.indexOf(bytes, from + ICAP_SCHEME.length(), to, (byte) '/');
            start = slash < 0 ? to : slash + 1;
        } else if (bytes[from] == '/') {
            start = from + 1;
        } else {
            throw new IcapException(400, "ICAP URI must start with icap:// or /");
        }
        int query = ByteScan.indexOf(bytes, start, to, (byte) '?');
        return word(bytes, start, query < 0 ? to : query);
    }

    /**
     * Parses {@code Encapsulated} into {@link #sections} and {@link #offsets}, from the header's
     * bytes: names matched against the six RFC 3507 section names and sequences checked as
     * numbers. With a string of the value and a boxed set lookup, this step was 7 % of the
     * in-process request path's {@code perf} samples.
     */
    private void encapsulated(IcapHeaders headers, String method) throws IcapException {
        int field = headers.indexOf("Encapsulated");
        if (field < 0) {
            if (method.equals("OPTIONS")) {
                sections[0] = NULL_BODY;
                offsets[0] = 0;
                sectionCount = 1;
                return;
            }
            throw new IcapException(400, "missing Encapsulated header");
        }
        byte[] bytes = headers.bytes();
        int end = headers.valueEnd(field);
        int from = headers.valueStart(field);
        int count = 1 + ByteScan.count(bytes, from, end, (byte) ',');
        if (count > SECTION_NAMES.length) {
            throw new IcapException(400, "Encapsulated sections not valid for " + method + ": " + encapsulated(headers));
        }
        int sequence = 0;
        for (int k = 0; k < count; k++) {
            int to = ByteScan.indexOf(bytes, from, end, (byte) ',');
            if (to < 0) {
                to = end;
            }
            int equals = ByteScan.indexOf(bytes, from, to, (byte) '=');
            if (equals < 0 || ByteScan.indexOf(bytes, equals + 1, to, (byte) '=') >= 0) {
                throw new IcapException(400, "malformed Encapsulated header: " + encapsulated(headers));
            }
            int nameStart = skipSpaces(bytes, from, equals);
            int offset = digits(bytes, equals + 1, trimSpaces(bytes, equals + 1, to));
            if (offset < 0) {
                throw new IcapException(400, "malformed Encapsulated header: " + encapsulated(headers));
            }
            int known = sectionName(bytes, nameStart, equals);
            sections[k] = known;
            offsets[k] = offset;
            sequence = sequence * 8 + (known > 0 ? known : 7);
            from = to + 1;
        }
        sectionCount = count;
        boolean[] valid = switch (method) {
            case "REQMOD" -> REQMOD_SECTIONS;
            case "RESPMOD" -> RESPMOD_SECTIONS;
            default -> OPTIONS_SECTIONS;
        };
        if (sequence >= valid.length || !valid[sequence]) {
            throw new IcapException(400, "Encapsulated sections not valid for " + method + ": " + encapsulated(headers));
        }
    }

    /** @return the {@code Encapsulated} value, printable, for an error message */
    private static String encapsulated(IcapHeaders headers) {
        return printable(headers.get("Encapsulated").orElseThrow());
    }

    /** @return 1 + the index in {@link #SECTION_NAMES} of {@code bytes[from, to)}, or 0 for none */
    private static int sectionName(byte[] bytes, int from, int to) {
        for (int i = 0; i < SECTION_NAMES.length; i++) {
            String name = SECTION_NAMES[i];
            if (name.length() == to - from && sameAscii(bytes, from, name)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Sequences of section names as the numbers {@link #encapsulated} computes for them, as a lookup table. */
    private static boolean[] sequences(String... sequences) {
        boolean[] valid = new boolean[8 * 8 * 8];
        for (String names : sequences) {
            int sequence = 0;
            for (String name : names.split(" ")) {
                sequence = sequence * 8 + Arrays.asList(SECTION_NAMES).indexOf(name) + 1;
            }
            valid[sequence] = true;
        }
        return valid;
    }

    /** @return the value of one to nine decimal digits in {@code bytes[from, to)}, else -1 */
    private static int digits(byte[] bytes, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            int c = bytes[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private HttpRequestHead parseHttpRequest(byte[] raw) throws IcapException {
        Lines lines = new Lines(raw);
        if (!lines.advance() || !splitThree(raw, lines.start, lines.end) || first == lines.start
                || second == first + 1 || lines.end - second - 1 < HTTP_VERSION_PREFIX.length()
                || !sameAscii(raw, second + 1, HTTP_VERSION_PREFIX)) {
            throw new IcapException(400, "encapsulated HTTP request line is malformed");
        }
        String method = word(raw, lines.start, first);
        String target = latin1(raw, first + 1, second);
        String version = word(raw, second + 1, lines.end);
        IcapHeaders headers = fields(raw, lines, "encapsulated HTTP header");
        if (lines.end < 0) {
            throw new IcapException(400, "encapsulated HTTP headers do not end with an empty line");
        }
        if (target.startsWith("/") && !headers.has("Host")) {
            throw new IcapException(400, "encapsulated HTTP request has a path but no Host header");
        }
        return new HttpRequestHead(method, target, version, headers, raw);
    }

    /**
     * Reads the ICAP header fields up to their empty line into one array of exactly their size,
     * then takes the fields as spans of it, as for the encapsulated HTTP head: a header list that
     * grew field by field allocated more than the fields' own bytes.
     */
    private IcapHeaders readHeaders(int[] budget, String what) throws IcapException, IOException {
        if (in instanceof BufferInput buffer) {
            byte[] raw = bufferedSection(buffer, budget);
            if (raw != null) {
                return fields(raw, new Lines(raw), "ICAP header");
            }
        }
        int size = 0;
        int length;
        while ((length = readLineBytes(budget, what)) > 0) {
            if (size + length + 2 > section.length) {
                section = Arrays.copyOf(section, Math.max(section.length * 2, size + length + 2));
            }
            System.arraycopy(line, 0, section, size, length);
            size += length;
            // The line end readLineBytes took off goes back as CRLF, which Lines takes off again:
            // a CR left at the end of the line stays in it, as in the fast path above.
            section[size++] = '\r';
            section[size++] = '\n';
        }
        byte[] raw = Arrays.copyOf(section, size + 1);
        raw[size] = '\n';
        return fields(raw, new Lines(raw), "ICAP header");
    }

    /** Adds every field line from {@code lines}' next line up to the empty line that ends them. */
    private static IcapHeaders fields(byte[] raw, Lines lines, String what) throws IcapException {
        IcapHeaders headers = IcapHeaders.over(raw);
        while (lines.advance() && lines.end > lines.start) {
            addHeader(headers, raw, lines.start, lines.end, what);
        }
        return headers;
    }

    /** Adds the field in {@code bytes[from, to)}, straight from the bytes: no string per line. */
    private static void addHeader(IcapHeaders headers, byte[] bytes, int from, int to, String what)
            throws IcapException {
        // The name's token check finds the colon too: one pass over the name where there were two.
        int colon = from;
        while (colon < to && TOKEN.contains((char) (bytes[colon] & 0xff))) {
            colon++;
        }
        if (colon == from || colon == to || bytes[colon] != ':') {
            throw new IcapException(400, what + " line is not 'Name: value': "
                    + printable(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1)));
        }
        int start = skipSpaces(bytes, colon + 1, to);
        headers.add(bytes, from, colon, start, trimSpaces(bytes, start, to));
    }

    /** @return whether {@code c} is optional whitespace in a header line: a space or a tab */
    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t';
    }

    /** @return where {@code bytes[from, to)} starts once optional whitespace is skipped */
    static int skipSpaces(byte[] bytes, int from, int to) {
        while (from < to && isSpace(bytes[from])) {
            from++;
        }
        return from;
    }

    /** @return where {@code bytes[from, to)} ends once trailing optional whitespace is dropped */
    static int trimSpaces(byte[] bytes, int from, int to) {
        while (to > from && isSpace(bytes[to - 1])) {
            to--;
        }
        return to;
    }

    /**
     * The event loop's fast path: the header fields up to their empty line, found in place in the
     * received bytes and copied once, rather than a byte at a time through the stream.
     *
     * @return the section's lines (the empty line left out), or {@code null} when its end has not
     *     arrived within the budget; nothing is consumed then, and the byte loop takes over
     */
    private static byte[] bufferedSection(BufferInput buffer, int[] budget) {
        byte[] bytes = buffer.array();
        int from = buffer.position();
        int to = window(buffer, budget);
        for (int start = from; ; ) {
            int lf = ByteScan.indexOf(bytes, start, to, (byte) '\n');
            if (lf < 0) {
                return null;
            }
            if (lf == start || lf == start + 1 && bytes[start] == '\r') {
                budget[0] -= lf + 1 - from;
                buffer.position(lf + 1);
                return Arrays.copyOfRange(bytes, from, start);
            }
            start = lf + 1;
        }
    }

    /** @return where the budget's bytes end in the received bytes: a line must end before it */
    private static int window(BufferInput buffer, int[] budget) {
        return (int) Math.min(buffer.limit(), (long) buffer.position() + Math.max(0, budget[0]));
    }

    /**
     * Reads one CRLF- (or bare LF-) terminated line, charging its bytes to {@code budget}. Bytes
     * go into one reused array and become a string once, as ISO-8859-1 (one char per byte): a
     * {@code StringBuilder} per line showed in profiles of the server.
     */
    private String readLine(int[] budget, String what) throws IcapException, IOException {
        return new String(line, 0, readLineBytes(budget, what), StandardCharsets.ISO_8859_1);
    }

    /** Reads one line into {@link #line}, as {@link #readLine}. @return its length, without the line end */
    private int readLineBytes(int[] budget, String what) throws IcapException, IOException {
        if (in instanceof BufferInput buffer) {
            byte[] bytes = buffer.array();
            int from = buffer.position();
            int lf = ByteScan.indexOf(bytes, from, window(buffer, budget), (byte) '\n');
            if (lf >= 0) {
                int length = (lf > from && bytes[lf - 1] == '\r' ? lf - 1 : lf) - from;
                if (length > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length));
                }
                System.arraycopy(bytes, from, line, 0, length);
                budget[0] -= lf + 1 - from;
                buffer.position(lf + 1);
                return length;
            }
            // Not all here yet, or over budget: the byte loop below says which.
        }
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside the " + what);
            }
            if (--budget[0] < 0) {
                throw new IcapException(413, what + " exceeds " + maxHeaderBytes + " bytes");
            }
            if (b == '\n') {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return length;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = (byte) b;
        }
    }

    private String readChunkLine() throws IcapException, IOException {
        return readLine(new int[] {MAX_CHUNK_LINE}, "chunk size line");
    }

    private static int chunkSize(String line) throws IcapException {
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        if (hex.isEmpty() || hex.length() > 7 || !isHex(hex)) {
            throw new IcapException(400, "malformed chunk size: " + printable(line));
        }
        return Integer.parseInt(hex, 16);
    }

    private static boolean isIeof(String line) {
        int semicolon = line.indexOf(';');
        return semicolon >= 0 && line.substring(semicolon + 1).strip().equals("ieof");
    }

    /** Reads the (normally empty) trailer after a last chunk, up to its closing empty line. */
    private void readChunkEnd() throws IcapException, IOException {
        int[] budget = {maxHeaderBytes};
        while (!readLine(budget, "chunk trailer").isEmpty()) {
            // Trailers carry nothing Lantern uses; they are read only to stay in step.
        }
    }

    private void expectCrlf() throws IcapException, IOException {
        int cr = in.read();
        int lf = cr == '\n' ? '\n' : in.read();
        if (lf != '\n' || (cr != '\r' && cr != '\n')) {
            throw new IcapException(400, "chunk data not followed by CRLF");
        }
    }

    private byte[] readExactly(int length) throws IcapException, IOException {
        if (length > maxHeaderBytes) {
            throw new IcapException(413, "encapsulated section of " + length + " bytes exceeds " + maxHeaderBytes);
        }
        if (in instanceof BufferInput buffer && buffer.available() >= length) {
            int from = buffer.position();
            buffer.position(from + length);
            return Arrays.copyOfRange(buffer.array(), from, from + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("connection closed inside an encapsulated section");
        }
        return bytes;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    /** Makes client bytes safe to echo in an error message and a log line. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 80; i++) {
            char c = s.charAt(i);
            out.append(c >= ' ' && c < 127 ? c : '?');
        }
        return s.length() > 80 ? out + "..." : out.toString();
    }

    /** Walks an already-read header section line by line, as offsets: no string per line. */
    private static final class Lines {
        private final byte[] raw;
        private int pos;
        /** The current line is {@code raw[start, end)}, without its line end; {@code end} is -1 past the last. */
        private int start;
        private int end = -1;

        Lines(byte[] raw) {
            this.raw = raw;
        }

        /** @return whether another whole (LF-terminated) line was found */
        boolean advance() {
            start = pos;
            pos = ByteScan.indexOf(raw, pos, raw.length, (byte) '\n');
            if (pos < 0) {
                pos = raw.length;
                end = -1;
                return false;
            }
            end = pos > start && raw[pos - 1] == '\r' ? pos - 1 : pos;
            pos++;
            return true;
        }
    }
}
