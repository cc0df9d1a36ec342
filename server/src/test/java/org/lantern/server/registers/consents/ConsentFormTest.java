package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consent form and a consent as it stands, without a database: what a form must say, and on which
 * days a consent lets the school use a pupil's image and what it is called then.
 */
class ConsentFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);

    @ParameterizedTest(name = "given on {0}, ending {1}")
    @CsvSource(nullValues = "none", value = {"2026-09-01,none", "2026-03-01,2026-03-01", "2024-02-29,2031-07-22",
            "2026-08-31,2026-08-31"})
    void aFormDatedByTodayAndEndingNoEarlierIsKept(LocalDate givenOn, LocalDate expiresOn) {
        assertThat(form(PhotoUse.WEBSITE, "Mrs Lovelace", givenOn, expiresOn).problems(TODAY)).isEmpty();
    }

    @ParameterizedTest(name = "signed by \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\n"})
    void anEmptyFormSaysEverythingMissing(String name) {
        assertThat(form(null, name, null, null).problems(TODAY)).containsExactly("Choose the use the consent is for.",
                "Give the name of the parent or carer who signed the form.", "Give the date on the form.");
    }

    @ParameterizedTest(name = "a name of {0} characters")
    @CsvSource({"200,true", "201,false"})
    void theNameIsAtMostTwoHundredCharacters(int length, boolean kept) {
        ConsentForm form = form(PhotoUse.PRESS, "\t" + "n".repeat(length) + " ", TODAY, null);

        assertThat(form.problems(TODAY))
                .isEqualTo(kept ? List.of() : List.of("The name is " + length + " characters long; at most 200."));
        if (kept) {
            assertThat(form.name()).hasSize(length);
        }
    }

    @ParameterizedTest(name = "given on {0}, ending {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "2026-09-02|none|The form's date, 2 Sep 2026, is in the future.",
            "2027-01-31|2026-01-31|The form's date, 31 Jan 2027, is in the future.",
            "2024-02-29|2024-02-28|The consent ends on 28 Feb 2024, before the form's date, 29 Feb 2024: check the dates.",
            "2026-08-31|2026-07-22|The consent ends on 22 Jul 2026, before the form's date, 31 Aug 2026: check the dates."})
    void aFormIsNotDatedInTheFutureNorEndsBeforeItIsDated(LocalDate givenOn, LocalDate expiresOn, String problem) {
        assertThat(form(PhotoUse.PRESS, "Mrs L", givenOn, expiresOn).problems(TODAY)).containsExactly(problem);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<script>alert(1)</script>", "=HYPERLINK(\"x\")", "O'Brien & Sons"})
    void htmlOrAFormulaInTheNameIsKeptAsTextForThePagesAndExportsToMakeSafe(String name) {
        assertThat(form(PhotoUse.PRESS, name, TODAY, null).problems(TODAY)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: given {1} ending {2}, pupil {3}, withdrawn {4}, on {5}: allows {6}, \"{7}\"")
    @CsvSource(nullValues = "none", value = {
            "true, 2026-03-01, none,       none,  none,       2026-09-01, true,  Given",
            "true, 2026-03-01, none,       true,  none,       2026-09-01, true,  Given",
            "true, 2026-03-01, none,       false, none,       2026-09-01, false, Refused by the pupil",
            "false,2026-03-01, none,       none,  none,       2026-09-01, false, Refused",
            "true, 2026-03-01, none,       none,  2026-08-01, 2026-09-01, false, Withdrawn",
            "false,2026-03-01, none,       none,  2026-08-01, 2026-09-01, false, Withdrawn",
            // The last day a consent holds is the day it ends; the day after, it has ended.
            "true, 2026-03-01, 2026-07-22, none,  none,       2026-07-22, true,  Given",
            "true, 2026-03-01, 2026-07-22, none,  none,       2026-07-23, false, Ended",
            "true, 2024-02-29, 2025-02-28, none,  none,       2025-02-28, true,  Given",
            "true, 2024-02-29, 2025-02-28, none,  none,       2025-03-01, false, Ended",
            "true, 2026-08-31, 2026-08-31, none,  none,       2026-08-31, true,  Given",
            "true, 2026-09-02, none,       none,  none,       2026-09-01, false, From 2026-09-02"})
    void aConsentAllowsImagesFromItsDateToItsLastDayUnlessRefusedOrWithdrawn(boolean granted, LocalDate givenOn,
                                                                              LocalDate expiresOn, Boolean pupilAgreed,
                                                                              LocalDate withdrawnOn, LocalDate day,
                                                                              boolean allows, String status) {
        Consent consent = new Consent(1, 1, PhotoUse.WEBSITE, granted, "Mrs L", pupilAgreed, givenOn, expiresOn, null,
                withdrawnOn, withdrawnOn == null ? null : "Mrs L", "office", null);

        assertThat(consent.allowsOn(day)).isEqualTo(allows);
        assertThat(consent.status(day)).isEqualTo(status);
    }

    private static ConsentForm form(PhotoUse use, String givenBy, LocalDate givenOn, LocalDate expiresOn) {
        return new ConsentForm(use, true, givenBy, null, givenOn, expiresOn);
    }
}
