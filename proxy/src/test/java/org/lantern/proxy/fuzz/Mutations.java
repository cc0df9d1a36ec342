package org.lantern.proxy.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

/**
 * The byte mutations the protocol fuzz tests share (insertions, flipped bytes, random runs) and
 * a printable form of a case for a failure's message. Seeded by the caller, so a failing case is
 * found again by its number.
 */
public final class Mutations {

    private static final int SHOWN = 300;

    private Mutations() {
    }

    /** {@code bytes} with {@code inserted} at a random place. */
    public static byte[] insert(byte[] bytes, Random random, byte[] inserted) {
        int at = random.nextInt(bytes.length + 1);
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    /** {@code bytes} with one to five of them replaced at random. */
    public static byte[] flip(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        for (int n = 1 + random.nextInt(5); n > 0 && out.length > 0; n--) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(0x100);
        }
        return out;
    }

    /** {@code length} random bytes from {@code from} (inclusive) to {@code to} (exclusive). */
    public static byte[] randomBytes(Random random, int length, int from, int to) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (from + random.nextInt(to - from));
        }
        return out;
    }

    /** The start of a case, control and high bytes as {@code \xNN}, with its length when cut. */
    public static String printable(byte[] bytes) {
        return printable(new String(bytes, 0, Math.min(bytes.length, SHOWN), StandardCharsets.ISO_8859_1))
                + (bytes.length > SHOWN ? "... (" + bytes.length + " bytes)" : "");
    }

    /** {@code text} with control and non-ASCII characters as {@code \xNN}. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : "\\x" + HexFormat.of().toHexDigits((byte) c));
        }
        return out.toString();
    }
}
