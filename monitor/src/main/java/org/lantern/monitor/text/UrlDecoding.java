package org.lantern.monitor.text;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Search terms arrive as URL query values: {@code %xx} escapes are decoded as UTF-8 (malformed
 * bytes become U+FFFD, never an error) and {@code +} is a space. A text encoded twice
 * ({@code %2573}) is decoded again, at most {@value #PASSES} times, so the work stays bounded.
 * A {@code %} not followed by two hex digits ("50% off") is left as written.
 */
final class UrlDecoding implements NormalisationStep {

    static final int PASSES = 3;

    @Override
    public void apply(TextBuffer t) {
        for (int pass = 0; pass < PASSES && decodeOnce(t); pass++) {
            // a pass that decoded a '%' or '+' may have revealed another level of escaping
        }
    }

    /** @return whether the text has escapes left to decode (it was encoded more than once) */
    private static boolean decodeOnce(TextBuffer t) {
        char[] c = t.chars;
        int n = t.length;
        int first = 0;
        while (first < n && c[first] != '+' && !(c[first] == '%' && isEscape(c, first, n))) {
            first++;
        }
        if (first == n) {
            return false;
        }
        int mark = Step.URL_DECODING.bit();
        boolean again = false;
        int w = first;
        int r = first;
        while (r < n) {
            char ch = c[r];
            if (ch == '+') {
                t.put(w++, ' ', r, r + 1, mark);
                r++;
            } else if (ch == '%' && isEscape(c, r, n)) {
                int start = r;
                int count = 0;
                while (r < n && c[r] == '%' && isEscape(c, r, n)) {
                    count++;
                    r += 3;
                }
                byte[] bytes = new byte[count];
                for (int b = 0; b < count; b++) {
                    bytes[b] = (byte) (hex(c[start + 3 * b + 1]) << 4 | hex(c[start + 3 * b + 2]));
                }
                // Each decoded unit stands for the whole run of escapes: one byte of a multi-byte
                // character has no span of its own. A run decodes to no more units than its bytes,
                // so the write position never passes the read position.
                String decoded = new String(bytes, StandardCharsets.UTF_8);
                for (int k = 0; k < decoded.length(); k++) {
                    char d = decoded.charAt(k);
                    again |= d == '%' || d == '+';
                    t.put(w++, d, start, r, mark);
                }
            } else {
                t.move(w++, r++);
            }
        }
        t.length = w;
        t.checkAscii();
        return again;
    }

    private static boolean isEscape(char[] c, int i, int n) {
        return i + 2 < n && hex(c[i + 1]) >= 0 && hex(c[i + 2]) >= 0;
    }

    /** ASCII hex digits only: {@link Character#digit} would also read a full-width digit. */
    private static int hex(char c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
