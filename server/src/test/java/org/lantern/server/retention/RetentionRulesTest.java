package org.lantern.server.retention;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention rules as date arithmetic, on fixed dates. */
class RetentionRulesTest {

    private final RetentionRules defaults = new RetentionRules(new RetentionProperties(null));

    @Test
    void pupilIncidentsReferredToTheDslOrPoliceAreChildProtectionAndOthersBehaviour() {
        assertThat(defaults.incidentType(false, false, List.of("refer-to-dsl", "inform-parents"))).isEqualTo(RecordType.CHILD_PROTECTION);
        assertThat(defaults.incidentType(false, false, List.of("refer-to-police"))).isEqualTo(RecordType.CHILD_PROTECTION);
        assertThat(defaults.incidentType(false, false, List.of("record-on-cpoms"))).isEqualTo(RecordType.BEHAVIOUR);
        assertThat(defaults.incidentType(true, false, List.of("refer-to-police"))).isEqualTo(RecordType.STAFF_INCIDENT);
    }

    @Test
    void pupilIncidentsFiledAsChildProtectionAreChildProtectionWhateverTheirActions() {
        assertThat(defaults.incidentType(false, true, List.of("record-on-cpoms"))).isEqualTo(RecordType.CHILD_PROTECTION);
    }

    @Test
    void childProtectionRunsFromTheYoungestPupilsBirth() {
        RetentionRules.Due due = defaults.incident(RecordType.CHILD_PROTECTION, LocalDate.of(2026, 3, 1),
                List.of(LocalDate.of(2012, 2, 29), LocalDate.of(2013, 1, 5)));

        assertThat(due.due()).isEqualTo(LocalDate.of(2038, 1, 5));
        assertThat(due.basis()).isEqualTo("date of birth 2013-01-05 + 25 years");
    }

    @Test
    void childProtectionWithAMissingBirthDateRunsFromTheDayItWasRecorded() {
        RetentionRules.Due due = defaults.incident(RecordType.CHILD_PROTECTION, LocalDate.of(2026, 3, 1),
                Arrays.asList(LocalDate.of(2013, 1, 5), null));

        assertThat(due.due()).isEqualTo(LocalDate.of(2051, 3, 1));
    }

    @Test
    void aLeapDayBirthIsDueOnTheTwentyEighthOfFebruary() {
        assertThat(defaults.incident(RecordType.CHILD_PROTECTION, LocalDate.of(2026, 3, 1),
                List.of(LocalDate.of(2012, 2, 29))).due()).isEqualTo(LocalDate.of(2037, 2, 28));
    }

    @Test
    void behaviourStaffAndLeaverPeriodsRunFromTheirOwnDates() {
        LocalDate recorded = LocalDate.of(2026, 3, 1);

        assertThat(defaults.incident(RecordType.BEHAVIOUR, recorded, List.of()).due()).isEqualTo(LocalDate.of(2032, 3, 1));
        assertThat(defaults.incident(RecordType.STAFF_INCIDENT, recorded, List.of()).due()).isEqualTo(LocalDate.of(2036, 3, 1));
        assertThat(defaults.leaver(LocalDate.of(2026, 7, 22))).hasValueSatisfying(d ->
                assertThat(d.due()).isEqualTo(LocalDate.of(2027, 7, 22)));
        assertThat(defaults.leaver(null)).isEmpty();
    }

    @Test
    void aConfiguredPeriodReplacesTheDefaultForItsTypeOnly() {
        RetentionRules rules = new RetentionRules(new RetentionProperties(Map.of(RecordType.LOGON_AUDIT, Period.ofMonths(13))));

        assertThat(rules.cutOff(RecordType.LOGON_AUDIT, LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(rules.cutOff(RecordType.DECISION_LOG, LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(rules.years(RecordType.LOGON_AUDIT)).isEqualTo("13 months");
    }
}
