package org.lantern.activity.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page ended: the last row's time (microseconds since the epoch) and id. The next page
 * starts strictly after it in (time, id) order, so rows with equal times are neither lost nor
 * repeated, and a deep page costs what the first does. Callers see an opaque string; anything
 * that does not decode to exactly this shape is refused before it reaches SQL.
 */
record Cursor(long timeMicros, long id) {

    private static final Pattern SHAPE = Pattern.compile("a1:(-?[0-9]{1,19}):([0-9]{1,19})");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    String encode() {
        return ENCODER.encodeToString(("a1:" + timeMicros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param text a cursor this store handed out
     * @return it, decoded
     * @throws IllegalArgumentException if it is not one
     */
    static Cursor decode(String text) {
        if (text.length() > 64) {
            throw new IllegalArgumentException("not an activity cursor (too long)");
        }
        try {
            Matcher m = SHAPE.matcher(new String(DECODER.decode(text), StandardCharsets.US_ASCII));
            if (m.matches()) {
                return new Cursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            }
        } catch (IllegalArgumentException e) {
            // not base64, or a number out of range: refused below, like any other shape
        }
        throw new IllegalArgumentException("not an activity cursor: " + text);
    }
}
