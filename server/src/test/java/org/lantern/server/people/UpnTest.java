package org.lantern.server.people;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpnTest {

    @Test
    void acceptsAUpnWhoseCheckLetterMatchesTheDfeAlgorithm() {
        assertThat(Upn.isValid("B801200005001")).isTrue();
    }

    @Test
    void rejectsAUpnWithTheWrongCheckLetter() {
        assertThat(Upn.isValid("A801200005001")).isFalse();
    }

    @Test
    void computesTheCheckLetterSkippingIOAndS() {
        // weighted sum 266, 266 mod 23 = 13, the 14th letter once I and O are skipped
        assertThat(Upn.checkLetter("207000016049")).isEqualTo('P');
    }

    @Test
    void valuesTheFinalLetterOfATemporaryUpnByItsPositionInTheCheckAlphabet() {
        // "A" counts as 0, so the sum is that of the same UPN ending in 0
        assertThat(Upn.checkLetter("80120000500A")).isEqualTo(Upn.checkLetter("801200005000"));
    }

    @Test
    void rejectsTextThatIsNotShapedLikeAUpn() {
        assertThat(Upn.hasValidShape("B80120000500")).isFalse();
        assertThat(Upn.hasValidShape("I801200005001")).isFalse();
        assertThat(Upn.hasValidShape("B8012000A5001")).isFalse();
    }
}
