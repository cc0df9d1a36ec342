package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time scans against the byte-by-byte answer, for every byte value at every place of a word. */
class BytesTest {

    @Test
    void plainAsciiIsFalseExactlyWhenSomeByteIsBelowASpaceOrAboveSeventyF() {
        byte[] b = new byte[16];
        for (int value = 0; value < 256; value++) {
            for (int at = 0; at < 8; at++) {
                Arrays.fill(b, (byte) 'a');
                b[3 + at] = (byte) value;
                boolean plain = value >= 0x20 && value < 0x80;
                assertThat(Bytes.plainAscii(b, 3)).as("byte %02x at %d", value, at).isEqualTo(plain);
            }
        }
    }

    @Test
    void plainAsciiAllowsEveryByteFromSpaceToSeventyFInEveryPlace() {
        byte[] b = new byte[8];
        for (int value = 0x20; value < 0x80; value++) {
            Arrays.fill(b, (byte) value);
            assertThat(Bytes.plainAscii(b, 0)).as("all %02x", value).isTrue();
        }
        // The bytes either side of the bounds, which a borrow could confuse.
        b = new byte[] {0x20, 0x7f, 0x20, 0x7f, 0x21, 0x7e, 0x20, 0x7f};
        assertThat(Bytes.plainAscii(b, 0)).isTrue();
        b[7] = 0x1f;
        assertThat(Bytes.plainAscii(b, 0)).isFalse();
    }

    @Test
    void spaceOrEndFindsTheFirstSpaceWhereverItIs() {
        for (int length = 0; length <= 24; length++) {
            for (int space = -1; space < length; space++) {
                for (int second = space; second < length; second++) {
                    byte[] b = new byte[length + 8];
                    Arrays.fill(b, (byte) 'x');
                    Arrays.fill(b, length, b.length, (byte) ' '); // spaces beyond the end must not be seen
                    if (space >= 0) {
                        b[space] = ' ';
                        b[second] = ' ';
                    }
                    int expected = space >= 0 ? space : length;
                    assertThat(Bytes.spaceOrEnd(b, 0, length)).as("length %d, spaces at %d and %d", length, space,
                            second).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void spaceOrEndIsNotFooledByBytesNextToASpaceOrByBorrows() {
        // 0x21 and 0x1f differ from a space in one bit; 0x00 and 0x01 make the subtraction borrow.
        byte[] b = {0x21, 0x1f, 0x00, 0x01, (byte) 0xa0, (byte) 0xff, 0x60, 0x21, 0x20};
        assertThat(Bytes.spaceOrEnd(b, 0, b.length)).isEqualTo(8);
        assertThat(Bytes.spaceOrEnd(b, 0, 8)).isEqualTo(8);
        assertThat(Bytes.spaceOrEnd(b, 2, 2)).isEqualTo(2);
    }
}
