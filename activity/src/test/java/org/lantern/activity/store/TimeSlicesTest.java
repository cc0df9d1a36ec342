package org.lantern.activity.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeSlicesTest {

    private static final long REST = Long.MIN_VALUE;

    @Test
    void theFirstSliceIsTheNewestSixtyFourth() {
        assertThat(TimeSlices.first(0, 6_400, false)).isEqualTo(6_300);
        assertThat(TimeSlices.first(1_000, 7_400, false)).isEqualTo(7_300);
        assertThat(TimeSlices.first(-6_400, 0, false)).isEqualTo(-100);
    }

    @ParameterizedTest(name = "from {0} to {1}")
    @CsvSource({"0, 0", "5, 4", "0, 63", "-10, 10"})
    void aRangeTooShortToSplitOrEmptyIsOneSlice(long from, long to) {
        assertThat(TimeSlices.first(from, to, false)).isEqualTo(REST);
    }

    @ParameterizedTest(name = "one person from {0} to {1} -> {2}")
    @CsvSource({
        // a day or less of one person's rows is one slice...
        "0, 7200000000, " + REST,
        "0, 86400000000, " + REST,
        // ...a longer range starts with its newest sixty-fourth, as any search does
        "0, 172800000000, 170100000000",
    })
    void onePersonsDayOrLessIsOneSlice(long from, long to, long first) {
        assertThat(TimeSlices.first(from, to, true)).isEqualTo(first);
    }

    @ParameterizedTest(name = "{4} found, {5} wanted -> {6}")
    @CsvSource({
        // after the first slice (100 of 6,400): at least four times as far back...
        "0, 6400, 6300, 1, 90, 11, 6000",
        // ...or as far as the density found says the page needs, half as much again
        "0, 6400, 6300, 1, 10, 91, 4935",
        // nothing found yet, or more needed than the range holds: the rest
        "0, 6400, 6300, 1, 0, 101, " + REST,
        "0, 6400, 6300, 1, 1, 100, " + REST,
        // the fourth slice is always the rest
        "0, 6400, 5000, 3, 90, 11, " + REST,
    })
    void theNextSliceReachesFarEnoughToFillThePage(long from, long to, long start, int slices, int found, int wanted,
                                                   long next) {
        assertThat(TimeSlices.next(from, to, start, slices, found, wanted)).isEqualTo(next);
    }

    @Test
    void slicesNeverReachBeforeTheRangeAndEndWithTheRest() {
        long from = -5_000;
        long to = 64 * 1_000;
        long start = TimeSlices.first(from, to, false);
        int slices = 1;
        while (start != REST) {
            assertThat(start).isGreaterThan(from).isLessThan(to);
            long next = TimeSlices.next(from, to, start, slices++, 1, 1_000);
            assertThat(next == REST || next < start).isTrue();
            start = next;
        }
        assertThat(slices).isLessThanOrEqualTo(TimeSlices.MAX_SLICES);
    }
}
