package org.lantern.server.retention;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a retention batch says it would delete: the noun agrees with the count, and the date reads as on the page. */
class BatchSummaryTest {

    @ParameterizedTest(name = "{1} {0}: {3}")
    @CsvSource(delimiter = '|', value = {
            "ALERT|1|2026-04-01|1 closed alert dated before 01/04/2026",
            "ALERT|2|2026-04-01|2 closed alerts dated before 01/04/2026",
            "ALERT|0|2026-04-01|0 closed alerts dated before 01/04/2026",
            "DECISION_LOG|1|2024-02-29|1 file dated before 29/02/2024",
            "DECISION_LOG|12|2019-12-31|12 files dated before 31/12/2019",
            "LOGON_AUDIT|1|2026-09-01|1 row dated before 01/09/2026",
            "RECORD_ACCESS|1234567|2000-01-01|1,234,567 rows dated before 01/01/2000",
            "ACTIVITY_SEARCH|1|2027-08-31|1 row dated before 31/08/2027"})
    void aBatchSaysHowManyOfWhatAndTheCutOffAsThePageWritesDates(RecordType type, long count, LocalDate cutOff,
                                                                   String summary) {
        assertThat(RetentionService.batchSummary(type, count, cutOff)).isEqualTo(summary);
    }
}
