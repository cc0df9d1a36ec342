package org.lantern.proxy.icap;

import java.util.Arrays;
import java.util.Optional;

/**
 * The header fields of an ICAP or encapsulated HTTP message, in arrival order. Names compare
 * case-insensitively, as in HTTP. Values are kept as ISO-8859-1 strings (one char per byte) so no
 * byte is lost; {@link #utf8} re-reads a value as UTF-8 where text is expected.
 */
public final class IcapHeaders {

    // Names at even indexes, values at odd ones: one array per message rather than a list of
    // pairs, since every request builds two of these (ICAP and HTTP headers).
    private String[] fields = new String[24];
    private int size;

    /** Creates an empty header list. */
    public IcapHeaders() {
    }

    /**
     * @param name the field name
     * @param value the field value, surrounding whitespace already removed
     */
    public void add(String name, String value) {
        if (2 * size == fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[2 * size] = name;
        fields[2 * size + 1] = value;
        size++;
    }

    /**
     * @param name a field name, any case
     * @return the first value of that field
     */
    public Optional<String> get(String name) {
        for (int i = 0; i < size; i++) {
            if (fields[2 * i].equalsIgnoreCase(name)) {
                return Optional.of(fields[2 * i + 1]);
            }
        }
        return Optional.empty();
    }

    /**
     * @param name a field name, any case
     * @return whether a field of that name is present
     */
    public boolean has(String name) {
        return get(name).isPresent();
    }

    /**
     * @param name a field name, any case
     * @param token a comma-separated list member, e.g. {@code 204} in {@code Allow: 204, trailers}
     * @return whether any field of that name lists the token
     */
    public boolean hasToken(String name, String token) {
        for (int i = 0; i < size; i++) {
            if (fields[2 * i].equalsIgnoreCase(name)) {
                String value = fields[2 * i + 1];
                int start = 0;
                while (start <= value.length()) {
                    int comma = value.indexOf(',', start);
                    int end = comma < 0 ? value.length() : comma;
                    String part = value.substring(start, end).trim();
                    if (part.equalsIgnoreCase(token)) {
                        return true;
                    }
                    start = end + 1;
                }
            }
        }
        return false;
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
        return new String(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
