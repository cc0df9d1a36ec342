package org.lantern.activity.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/** Small operations on byte ranges shared by the parsers. */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EACH_0X20 = 0x2020202020202020L;
    private static final long EACH_HIGH_BIT = 0x8080808080808080L;
    private static final long EACH_0X01 = 0x0101010101010101L;
    private static final long EACH_SPACE = 0x2020202020202020L;

    private Bytes() {}

    /**
     * @return whether the eight bytes {@code b[i, i + 8)} are all printable ASCII or space (0x20 to
     *     0x7f): no newline, no control byte, no byte of a multi-byte UTF-8 character
     */
    static boolean plainAscii(byte[] b, int i) {
        long w = (long) LONGS.get(b, i);
        // A byte below 0x20 borrows in the subtraction and sets its top bit; one of 0x80 or more
        // has it set already. No borrow starts from a byte of 0x20 or more, so nothing else does.
        return (((w - EACH_0X20) | w) & EACH_HIGH_BIT) == 0;
    }

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

    /**
     * @return the index of the first space in {@code b[from, to)}, or {@code to}; eight bytes at a
     *     time, because the URL is most of a Squid line and cutting fields byte by byte was a fifth
     *     of the parser's CPU samples (docs/benchmarks.md, activity-ingest section)
     */
    static int spaceOrEnd(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long v = (long) LONGS.get(b, i) ^ EACH_SPACE; // a space becomes a zero byte
            // The lowest zero byte sets its top bit here; a borrow can only mark bytes above it.
            long zeros = (v - EACH_0X01) & ~v & EACH_HIGH_BIT;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        while (i < to && b[i] != ' ') {
            i++;
        }
        return i;
    }

    /** @return the value of an ASCII hex digit, or {@code -1} */
    static int hex(byte c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
