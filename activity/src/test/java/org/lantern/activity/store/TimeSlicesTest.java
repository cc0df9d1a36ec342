package org.lantern.activity.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeSlicesTest {

    @Test
    void slicesGrowFourfoldFromTheNewestSixtyFourth() {
        assertThat(TimeSlices.boundaries(0, 6_400)).containsExactly(6_300, 5_900, 4_300);
        assertThat(TimeSlices.boundaries(1_000, 7_400)).containsExactly(7_300, 6_900, 5_300);
    }

    @ParameterizedTest(name = "from {0} to {1}")
    @CsvSource({"0, 0", "5, 4", "0, 63", "-10, 10"})
    void aRangeTooShortToSplitOrEmptyIsOneSlice(long from, long to) {
        assertThat(TimeSlices.boundaries(from, to)).isEmpty();
    }

    @Test
    void theBoundariesLieInsideTheRangeNewestFirst() {
        long[] b = TimeSlices.boundaries(-5_000, 64 * 1_000);
        assertThat(b).hasSize(TimeSlices.MAX_SLICES - 1);
        for (int i = 0; i < b.length; i++) {
            assertThat(b[i]).isGreaterThan(-5_000).isLessThan(64 * 1_000);
            if (i > 0) {
                assertThat(b[i]).isLessThan(b[i - 1]);
            }
        }
    }
}
