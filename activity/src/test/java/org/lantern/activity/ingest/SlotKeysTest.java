package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys kept in their slots: a key is found only by exactly its bytes, whatever its length against
 * the words a slot holds, wherever it lies in a line, and a key too long for its slot is compared
 * whole.
 */
class SlotKeysTest {

    private static byte[] line(String key) {
        // The key between other bytes, as a field lies in a log line.
        return ("xx " + key + " yy").getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 23, 24, 25, 40})
    void aKeyIsFoundByExactlyItsBytes(int length) {
        SlotKeys keys = new SlotKeys(1, 24);
        String key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH".substring(0, length);
        byte[] b = line(key);
        int h = SlotKeys.hash(b, 3, 3 + length);

        assertThat(keys.holds(0, h, b, 3, 3 + length)).as("empty slot").isFalse();
        keys.put(0, h, b, 3, 3 + length);

        byte[] again = ("zzzz " + key + "!").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(keys.holds(0, SlotKeys.hash(again, 5, 5 + length), again, 5, 5 + length)).isTrue();
        for (int i = 0; i < length; i++) {
            byte[] other = line(key);
            other[3 + i] ^= 1;
            assertThat(keys.holds(0, h, other, 3, 3 + length)).as("byte %d differs, same hash given", i).isFalse();
        }
        byte[] longer = line(key + "q");
        assertThat(keys.holds(0, SlotKeys.hash(longer, 3, 4 + length), longer, 3, 4 + length)).isFalse();
    }

    @Test
    void aCollisionReplacesTheOlderKey() {
        SlotKeys keys = new SlotKeys(1, 8);
        byte[] a = line("10.0.0.1");
        byte[] b = line("a-much-longer-user-name");
        keys.put(0, SlotKeys.hash(a, 3, 11), a, 3, 11);
        keys.put(0, SlotKeys.hash(b, 3, 26), b, 3, 26);

        assertThat(keys.holds(0, SlotKeys.hash(a, 3, 11), a, 3, 11)).isFalse();
        assertThat(keys.holds(0, SlotKeys.hash(b, 3, 26), b, 3, 26)).isTrue();

        keys.put(0, SlotKeys.hash(a, 3, 11), a, 3, 11);
        assertThat(keys.holds(0, SlotKeys.hash(a, 3, 11), a, 3, 11)).isTrue();
        assertThat(keys.holds(0, SlotKeys.hash(b, 3, 26), b, 3, 26)).isFalse();
    }

    @Test
    void slotsMustBeAPowerOfTwoAndTheInlineLengthWholeWords() {
        assertThatThrownBy(() -> new SlotKeys(3, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlotKeys(4, 12)).isInstanceOf(IllegalArgumentException.class);
    }
}
