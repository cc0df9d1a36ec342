package org.lantern.filter.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AsciiSetTest {

    @Test
    void containsExactlyTheCharactersGivenOnBothSidesOfTheMaskBoundary() {
        AsciiSet set = AsciiSet.of("/?#\\@~");
        for (char c = 0; c < 128; c++) {
            assertThat(set.contains(c)).as("U+%04X", (int) c).isEqualTo("/?#\\@~".indexOf(c) >= 0);
        }
    }

    @Test
    void neverContainsACharacterOutsideAscii() {
        AsciiSet set = AsciiSet.printableExcept("");
        // 0x80 + 0x2F and 0x100 + 0x2F would alias '/' and 'o' if the masks were indexed modulo 64.
        for (char c : new char[] {0x80, 0xAF, 0xC0, 0xFF, 0x12F, '\uFFFD', '\uFFFF'}) {
            assertThat(set.contains(c)).as("U+%04X", (int) c).isFalse();
        }
    }

    @Test
    void printableExceptLeavesOutControlsSpaceDeleteAndTheExclusions() {
        AsciiSet set = AsciiSet.printableExcept("%<>");
        for (char c = 0; c < 128; c++) {
            boolean printable = c > 0x20 && c < 0x7f;
            assertThat(set.contains(c)).as("U+%04X", (int) c).isEqualTo(printable && "%<>".indexOf(c) < 0);
        }
    }

    @Test
    void refusesANonAsciiMember() {
        assertThatThrownBy(() -> AsciiSet.of("é")).isInstanceOf(IllegalArgumentException.class);
    }
}
