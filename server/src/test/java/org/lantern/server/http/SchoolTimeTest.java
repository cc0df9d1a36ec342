package org.lantern.server.http;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates the server writes into mails, PDFs and messages read as the pages' templates write them. */
class SchoolTimeTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({"2026-01-31,31 Jan 2026", "2024-02-29,29 Feb 2024", "2026-03-01,1 Mar 2026", "2026-04-30,30 Apr 2026",
            "2026-05-31,31 May 2026", "2026-06-01,1 Jun 2026", "2026-07-22,22 Jul 2026", "2026-08-31,31 Aug 2026",
            "2026-09-01,1 Sep 2026", "2026-10-31,31 Oct 2026", "2026-11-30,30 Nov 2026", "2026-12-31,31 Dec 2026"})
    void everyMonthIsThreeLettersSeptemberToo(LocalDate day, String written) {
        assertThat(SchoolTime.day(day)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} is {1} in school time")
    @CsvSource({"2026-09-01T08:30:00Z,1 Sep 2026 09:30", "2026-12-31T23:59:00Z,31 Dec 2026 23:59",
            "2026-03-29T00:59:00Z,29 Mar 2026 00:59", "2026-03-29T01:00:00Z,29 Mar 2026 02:00"})
    void aMomentIsWrittenInSchoolTimeWithTheSameMonths(Instant at, String written) {
        assertThat(SchoolTime.when(at)).isEqualTo(written);
    }

    @Test
    void nothingIsWrittenAsBlank() {
        assertThat(SchoolTime.day(null)).isEmpty();
        assertThat(SchoolTime.when(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} writes {1}")
    @CsvSource(delimiter = '|', value = {"d MMM|1 Sep", "EEE d MMM yyyy|Tue 1 Sep 2026", "MMM|Sep",
            "d MMMM yyyy|1 September 2026", "MMM yyyy, 'the' d|Sep 2026, the 1", "dd/MM/yyyy|01/09/2026"})
    void aPatternKeepsEverythingButTheShortMonthAsBritishEnglishWritesIt(String pattern, String written) {
        assertThat(SchoolTime.pattern(pattern).format(LocalDate.of(2026, 9, 1))).isEqualTo(written);
    }
}
