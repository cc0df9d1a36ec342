package org.lantern.proxy.icap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header fields of an ICAP or encapsulated HTTP message, in arrival order. Names compare
 * case-insensitively, as in HTTP. Values are kept as ISO-8859-1 strings (one char per byte) so no
 * byte is lost; {@link #utf8} re-reads a value as UTF-8 where text is expected.
 */
public final class IcapHeaders {

    private final List<String[]> fields = new ArrayList<>();

    /** Creates an empty header list. */
    public IcapHeaders() {
    }

    /**
     * @param name the field name
     * @param value the field value, surrounding whitespace already removed
     */
    public void add(String name, String value) {
        fields.add(new String[] {name, value});
    }

    /**
     * @param name a field name, any case
     * @return the first value of that field
     */
    public Optional<String> get(String name) {
        for (String[] field : fields) {
            if (field[0].equalsIgnoreCase(name)) {
                return Optional.of(field[1]);
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
        for (String[] field : fields) {
            if (field[0].equalsIgnoreCase(name)) {
                String value = field[1];
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
        return fields.size();
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
