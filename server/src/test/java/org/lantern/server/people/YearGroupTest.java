package org.lantern.server.people;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class YearGroupTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"R, EYFS", "1, KS1", "2, KS1", "3, LKS2", "4, LKS2", "5, UKS2", "6, UKS2", "7, KS3", "9, KS3",
            "10, KS4", "11, KS4", "12, KS5", "13, KS5"})
    void derivesTheKeyStageFromTheYearGroup(String code, KeyStage expected) {
        assertThat(YearGroup.ofCode(code).keyStage()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"Reception, R", "Rec, R", "YR, R", "6, Y6", "Y6, Y6", "Year 6, Y6", "NC Year 11, Y11", "year 13, Y13"})
    void readsTheSpellingsMisExportsUse(String text, YearGroup expected) {
        assertThat(YearGroup.parse(text)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is not a year group")
    @CsvSource({"0", "14", "Year 14", "Nursery", "six"})
    void refusesWhatIsNotAYearGroup(String text) {
        assertThat(YearGroup.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is in national key stage {1}")
    @CsvSource({"LKS2, KS2", "UKS2, KS2", "EYFS, EYFS"})
    void bothPhasesOfKeyStageTwoAreKeyStageTwo(KeyStage phase, String keyStage) {
        assertThat(phase.keyStage()).isEqualTo(keyStage);
    }
}
