package org.lantern.server.monitoring.scan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.monitor.library.AgeBand;
import org.lantern.server.people.PersonKind;

import static org.assertj.core.api.Assertions.assertThat;

class AgeBandsTest {

    @ParameterizedTest(name = "year group {0} is {1}")
    @CsvSource({"R, PRIMARY", "1, PRIMARY", "6, PRIMARY", "7, KS3", "9, KS3", "10, KS4", "11, KS4", "12, POST16",
            "13, POST16"})
    void aPupilsBandComesFromTheirYearGroup(String yearGroup, AgeBand band) {
        assertThat(AgeBands.of(yearGroup, PersonKind.PUPIL)).isEqualTo(band);
    }

    @ParameterizedTest(name = "a {0} without a year group is {1}")
    @CsvSource({"STAFF, STAFF", "GOVERNOR, STAFF", "VISITOR, STAFF", "PUPIL, KS3"})
    void peopleWithoutAYearGroupAreJudgedByWhatTheyAre(PersonKind kind, AgeBand band) {
        assertThat(AgeBands.of(null, kind)).isEqualTo(band);
    }

    @ParameterizedTest(name = "year group \"{0}\" of nobody known is KS3")
    @CsvSource(value = {"NULL", "14", "Nursery", "''"}, nullValues = "NULL")
    void aRequestTiedToNobodyOrAnUnreadableYearGroupIsJudgedAsKs3(String yearGroup) {
        assertThat(AgeBands.of(yearGroup, null)).isEqualTo(AgeBand.KS3);
    }
}
