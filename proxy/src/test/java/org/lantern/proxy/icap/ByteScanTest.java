package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {

    private static int naiveIndexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int naiveCount(byte[] bytes, int from, int to, byte b) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += bytes[i] == b ? 1 : 0;
        }
        return count;
    }

    @Test
    void findsTheFirstMatchInEveryWindowOfEveryArrayAsAByteLoopWould() {
        Random random = new Random(42);
        // Values around the carry boundaries of the eight-at-a-time test, and runs of one value.
        byte[] alphabet = {0, 1, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0xfe, (byte) 0xff, '\n', '\r', ':'};
        for (int trial = 0; trial < 300; trial++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            for (int from = 0; from <= bytes.length; from++) {
                for (int to = from; to <= bytes.length; to++) {
                    for (byte b : alphabet) {
                        assertThat(ByteScan.indexOf(bytes, from, to, b)).isEqualTo(naiveIndexOf(bytes, from, to, b));
                    }
                }
            }
        }
    }

    @Test
    void countsEveryMatchWithoutFalsePositivesNextToAMatch() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            byte b = (byte) random.nextInt(256);
            // Plant the value, and the values a borrow from it could turn into false matches.
            for (int i = 0; i < bytes.length; i += 1 + random.nextInt(5)) {
                bytes[i] = random.nextBoolean() ? b : (byte) (b + 1);
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            assertThat(ByteScan.count(bytes, from, bytes.length, b)).isEqualTo(naiveCount(bytes, from, bytes.length, b));
        }
    }

    @Test
    void findsNothingInAnEmptyWindow() {
        assertThat(ByteScan.indexOf(new byte[] {'\n'}, 1, 1, (byte) '\n')).isEqualTo(-1);
        assertThat(ByteScan.count(new byte[0], 0, 0, (byte) '\n')).isZero();
    }
}
