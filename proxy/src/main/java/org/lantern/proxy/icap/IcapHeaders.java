package org.lantern.proxy.icap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The header fields of an ICAP or encapsulated HTTP message, in arrival order. Names compare
 * case-insensitively, as in HTTP. Values are kept as ISO-8859-1 (one char per byte) so no byte is
 * lost; {@link #utf8} re-reads a value as UTF-8 where text is expected.
 *
 * <p>Fields are kept as bytes in one array, and a value becomes a {@code String} only when asked
 * for: a request carries a dozen or more fields of which the server reads four or five, and the
 * strings for the rest were most of what the ICAP server allocated per request
 * (docs/benchmarks.md).
 */
public final class IcapHeaders {

    private byte[] bytes;
    private int length;
    // Per field: name start, name end, value start, value end, as offsets into bytes.
    private int[] spans;
    private int size;

    /** Creates an empty header list. */
    public IcapHeaders() {
        this.bytes = new byte[128];
        this.spans = new int[32];
    }

    private IcapHeaders(byte[] section) {
        this.bytes = section;
        this.length = section.length;
        this.spans = new int[4 * 12];
    }

    /**
     * Headers whose fields are spans of an already-read header section, added with
     * {@link #add(byte[], int, int, int, int)} from that same array: nothing is copied. The
     * section is never written to; a field added from elsewhere goes into a new array.
     */
    static IcapHeaders over(byte[] section) {
        return new IcapHeaders(section);
    }

    /**
     * @param name the field name
     * @param value the field value, surrounding whitespace already removed
     */
    public void add(String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        byte[] field = Arrays.copyOf(n, n.length + v.length);
        System.arraycopy(v, 0, field, n.length, v.length);
        add(field, 0, n.length, n.length, field.length);
    }

    /** Adds a field straight from a line's bytes: name in {@code [nameStart, nameEnd)}, value in {@code [valueStart, valueEnd)}. */
    void add(byte[] line, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (line == bytes && valueEnd <= length) {
            addSpan(nameStart, nameEnd, valueStart, valueEnd);
            return;
        }
        int nameLength = nameEnd - nameStart;
        int valueLength = valueEnd - valueStart;
        if (length + nameLength + valueLength > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + nameLength + valueLength));
        }
        int name = length;
        System.arraycopy(line, nameStart, bytes, length, nameLength);
        length += nameLength;
        int value = length;
        System.arraycopy(line, valueStart, bytes, length, valueLength);
        length += valueLength;
        addSpan(name, value, value, length);
    }

    private void addSpan(int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (4 * size + 4 > spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        int at = 4 * size;
        spans[at] = nameStart;
        spans[at + 1] = nameEnd;
        spans[at + 2] = valueStart;
        spans[at + 3] = valueEnd;
        size++;
    }

    /**
     * @param name a field name, any case
     * @return the first value of that field
     */
    public Optional<String> get(String name) {
        int field = find(name, 0);
        return field < 0 ? Optional.empty() : Optional.of(value(field));
    }

    /**
     * @param name a field name, any case
     * @return whether a field of that name is present
     */
    public boolean has(String name) {
        return find(name, 0) >= 0;
    }

    /**
     * @param name a field name, any case
     * @param token a comma-separated list member, e.g. {@code 204} in {@code Allow: 204, trailers}
     * @return whether any field of that name lists the token
     */
    public boolean hasToken(String name, String token) {
        for (int field = find(name, 0); field >= 0; field = find(name, field + 1)) {
            int end = spans[4 * field + 3];
            int start = spans[4 * field + 2];
            while (start <= end) {
                int comma = start;
                while (comma < end && bytes[comma] != ',') {
                    comma++;
                }
                int from = IcapReader.skipSpaces(bytes, start, comma);
                int to = IcapReader.trimSpaces(bytes, from, comma);
                if (to - from == token.length() && sameIgnoringCase(from, token)) {
                    return true;
                }
                start = comma + 1;
            }
        }
        return false;
    }

    /** @return whether {@code bytes[from, from + s.length())} is {@code s}, ASCII letters in any case */
    private boolean sameIgnoringCase(int from, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!sameIgnoringAsciiCase(bytes[from + i], s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return the index of the first field named {@code name}, any case, else -1 */
    int indexOf(String name) {
        return find(name, 0);
    }

    /** @return the array the fields' spans index: a value is read in place, without a string */
    byte[] bytes() {
        return bytes;
    }

    /** @return where the value of field {@code field} starts in {@link #bytes()} */
    int valueStart(int field) {
        return spans[4 * field + 2];
    }

    /** @return where the value of field {@code field} ends in {@link #bytes()} */
    int valueEnd(int field) {
        return spans[4 * field + 3];
    }

    /** @return the index of the first field at or after {@code from} named {@code name}, else -1 */
    private int find(String name, int from) {
        int n = name.length();
        for (int field = from; field < size; field++) {
            int start = spans[4 * field];
            if (spans[4 * field + 1] - start != n) {
                continue;
            }
            if (sameIgnoringCase(start, name)) {
                return field;
            }
        }
        return -1;
    }

    private static boolean sameIgnoringAsciiCase(byte b, char c) {
        int x = b & 0xff;
        if (x == c) {
            return true;
        }
        int lower = x >= 'A' && x <= 'Z' ? x + 32 : x;
        int other = c >= 'A' && c <= 'Z' ? c + 32 : c;
        return lower == other && lower >= 'a' && lower <= 'z';
    }

    private String value(int field) {
        int start = spans[4 * field + 2];
        return new String(bytes, start, spans[4 * field + 3] - start, StandardCharsets.ISO_8859_1);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** @return the number of fields */
    public int size() {
        return size;
    }

    /**
     * @param latin1 a value as stored (one char per byte)
     * @return the same bytes read as UTF-8; undecodable bytes become U+FFFD, which the URL
     *     normaliser rejects, so a mis-encoded address is blocked rather than guessed at
     */
    public static String utf8(String latin1) {
        if (isAscii(latin1)) {
            // The usual case, and the same string either way: no need to re-encode.
            return latin1;
        }
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
