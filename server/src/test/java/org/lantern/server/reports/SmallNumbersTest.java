package org.lantern.server.reports;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmallNumbersTest {

    private static List<String> shown(SmallNumbers.Protected p) {
        return p.counts().stream().map(Count::display).toList();
    }

    @Test
    void onesAndTwosAreShownAsLessThanThreeWithNoValue() {
        SmallNumbers.Protected p = SmallNumbers.protect(List.of(0L, 1L, 2L, 5L), SmallNumbers.Range.UNKNOWN);

        assertThat(shown(p)).containsExactly("0", "<3", "<3", "5");
        assertThat(p.counts().get(1).value()).isNull();
        assertThat(p.counts().get(2).value()).isNull();
    }

    @Test
    void aLoneSmallCountBesideAKnownTotalForcesTheNextSmallestCountToBeWithheld() {
        // Total 19 is printed: 19 - 4 - 10 would give the <3 away.
        SmallNumbers.Protected p = SmallNumbers.protect(List.of(2L, 4L, 10L, 3L), new SmallNumbers.Range(19, 19));

        assertThat(shown(p)).containsExactly("<3", "4", "10", "withheld");
        assertThat(p.counts().get(3).value()).isNull();
    }

    @Test
    void aWithheldCountOfExactlyThreeBesideASingleOneIsNotEnoughAndAnotherIsWithheld() {
        // Shown: 10. Suppressed sum 4 with one <3 and one withheld (at least 3) means 1 and 3: pinned.
        SmallNumbers.Protected p = SmallNumbers.protect(List.of(1L, 3L, 10L), new SmallNumbers.Range(14, 14));

        assertThat(shown(p)).containsExactly("<3", "withheld", "withheld");
    }

    @Test
    void twoSmallCountsThatCouldBeOneAndTwoEitherWayNeedNothingMore() {
        SmallNumbers.Protected p = SmallNumbers.protect(List.of(1L, 2L, 7L), new SmallNumbers.Range(10, 10));

        assertThat(shown(p)).containsExactly("<3", "<3", "7");
    }

    @Test
    void twoOnesWhoseKnownSumIsTwoAreWithheldAsTheWholeBreakdown() {
        // Sum 2 over two <3 cells can only be 1 + 1, and nothing else can be withheld.
        SmallNumbers.Protected p = SmallNumbers.protect(List.of(1L, 0L, 1L), new SmallNumbers.Range(2, 2));

        assertThat(p.withdrawn()).isTrue();
        assertThat(p.counts()).allSatisfy(c -> assertThat(c.value()).isNull());
    }

    @Test
    void aSmallTotalPublishedAsLessThanThreeStillProtectsItsBreakdown() {
        SmallNumbers.Protected p = SmallNumbers.protect(List.of(1L, 1L), SmallNumbers.Range.published(2));

        assertThat(p.withdrawn()).isTrue();
    }

    @Test
    void aSingleIncidentInAYearIsShownAsLessThanThreeInItsMonth() {
        SmallNumbers.Protected p = SmallNumbers.protect(List.of(0L, 1L, 0L), SmallNumbers.Range.published(1));

        assertThat(shown(p)).containsExactly("0", "<3", "0");
    }

    @Test
    void aWithheldCellTellsAChildBreakdownOnlyItsPossibleRange() {
        SmallNumbers.Protected p = SmallNumbers.protect(List.of(2L, 12L), new SmallNumbers.Range(14, 14));

        assertThat(shown(p)).containsExactly("<3", "withheld");
        assertThat(p.known().get(1)).isEqualTo(new SmallNumbers.Range(12, 13));
    }

    @Test
    void headlineCountsBelowThreeAreSuppressedButZeroIsShown() {
        assertThat(SmallNumbers.headline(0).display()).isEqualTo("0");
        assertThat(SmallNumbers.headline(2).display()).isEqualTo("<3");
        assertThat(SmallNumbers.headline(3).display()).isEqualTo("3");
    }
}
