package org.lantern.activity.ingest;

import java.util.Arrays;

/** Small operations on byte ranges shared by the parsers. */
final class Bytes {

    private Bytes() {}

    /** @return whether {@code key} holds exactly the bytes {@code b[from, to)} */
    static boolean equal(byte[] key, byte[] b, int from, int to) {
        return Arrays.equals(key, 0, key.length, b, from, to);
    }

    /** @return the index of the first {@code c} in {@code b[from, to)}, or {@code -1} */
    static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** @return the value of an ASCII hex digit, or {@code -1} */
    static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
