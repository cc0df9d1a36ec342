package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Withdrawing a photo consent and the takedowns it sets, without a database: who and when, which
 * consents a withdrawal takes, what cannot be withdrawn, and when the takedowns are due.
 */
class WithdrawalsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final LocalDate GIVEN = LocalDate.of(2026, 3, 1);

    @Test
    void namingNoUseWithdrawsEveryUseNowGivenInTheUsesOrder() {
        Map<PhotoUse, Consent> consents = consents(given(PhotoUse.PRESS), given(PhotoUse.WEBSITE), refused(PhotoUse.DISPLAYS),
                withdrawn(PhotoUse.SOCIAL_MEDIA));

        assertThat(Withdrawals.choose("Ada Lovelace", consents, Set.of(), TODAY, "Mrs Lovelace", TODAY))
                .extracting(Consent::use).containsExactly(PhotoUse.WEBSITE, PhotoUse.PRESS);
    }

    @Test
    void namingUsesWithdrawsThoseInTheUsesOrder() {
        Map<PhotoUse, Consent> consents = consents(given(PhotoUse.PRESS), given(PhotoUse.WEBSITE), given(PhotoUse.DISPLAYS));

        assertThat(Withdrawals.choose("Ada", consents, Set.of(PhotoUse.DISPLAYS, PhotoUse.WEBSITE), TODAY, "Ada", TODAY))
                .extracting(Consent::use).containsExactly(PhotoUse.WEBSITE, PhotoUse.DISPLAYS);
    }

    @Test
    void whatIsNotGivenCannotBeWithdrawnAndEachReasonIsSaid() {
        Map<PhotoUse, Consent> consents = consents(refused(PhotoUse.PRESS), withdrawn(PhotoUse.WEBSITE), given(PhotoUse.DISPLAYS));

        assertThatThrownBy(() -> Withdrawals.choose("Ada Lovelace", consents,
                Set.of(PhotoUse.PRESS, PhotoUse.WEBSITE, PhotoUse.CLASS_PHOTOS, PhotoUse.DISPLAYS), TODAY, "Mrs L", TODAY))
                .isInstanceOf(ConsentException.class).matches(e -> ((ConsentException) e).conflict())
                .satisfies(e -> assertThat(((ConsentException) e).problems()).containsExactly(
                        "Ada Lovelace's consent for School website was already withdrawn on 1 Aug 2026.",
                        "Ada Lovelace's consent for Local press was refused, so there is nothing to withdraw.",
                        "No consent for Class and year photos is recorded for Ada Lovelace."));
    }

    @Test
    void aPupilWithNothingGivenHasNothingToWithdraw() {
        for (Map<PhotoUse, Consent> consents : List.of(Map.<PhotoUse, Consent>of(),
                consents(refused(PhotoUse.PRESS), withdrawn(PhotoUse.WEBSITE)))) {
            assertThatThrownBy(() -> Withdrawals.choose("Ada", consents, Set.of(), TODAY, "Mrs L", TODAY))
                    .isInstanceOf(ConsentException.class).matches(e -> ((ConsentException) e).conflict())
                    .hasMessage("Ada has no consent given to withdraw: every use is already withdrawn, refused or not "
                            + "recorded.");
        }
    }

    @ParameterizedTest(name = "withdrawn by \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void aWithdrawalNamesWhoWithdrewIt(String by) {
        assertThatThrownBy(() -> Withdrawals.choose("Ada", consents(given(PhotoUse.PRESS)), Set.of(), TODAY, by, TODAY))
                .isInstanceOf(ConsentException.class).matches(e -> !((ConsentException) e).conflict())
                .hasMessage("Give the name of whoever withdrew the consent.");
    }

    @ParameterizedTest(name = "a name of {0} characters")
    @CsvSource({"200,true", "201,false"})
    void theNameIsAtMostTwoHundredCharactersAfterSpacesAreStripped(int length, boolean kept) {
        String by = "  " + "n".repeat(length) + "  ";
        Map<PhotoUse, Consent> consents = consents(given(PhotoUse.PRESS));

        if (kept) {
            assertThat(Withdrawals.choose("Ada", consents, Set.of(), TODAY, by, TODAY)).hasSize(1);
            assertThat(Withdrawals.name(by)).hasSize(length);
        } else {
            assertThatThrownBy(() -> Withdrawals.choose("Ada", consents, Set.of(), TODAY, by, TODAY))
                    .hasMessage("The name is 201 characters long; at most 200.");
        }
    }

    @Test
    void htmlInTheNameIsKeptAsTextForThePageToEscape() {
        assertThat(Withdrawals.name(" <b>Mrs L</b> ")).isEqualTo("<b>Mrs L</b>");
        assertThat(Withdrawals.choose("Ada", consents(given(PhotoUse.PRESS)), Set.of(), TODAY, "<b>Mrs L</b>", TODAY))
                .hasSize(1);
    }

    @Test
    void aWithdrawalIsDated() {
        assertThatThrownBy(() -> Withdrawals.choose("Ada", consents(given(PhotoUse.PRESS)), Set.of(), null, "Mrs L",
                TODAY)).isInstanceOf(ConsentException.class).hasMessage("Give the date the consent was withdrawn.");
    }

    @ParameterizedTest(name = "withdrawn on {0}")
    @CsvSource({
            "2026-09-01,", "2026-03-01,",
            "2026-09-02,'The withdrawal''s date, 2 Sep 2026, is in the future.'",
            "2026-02-28,'The withdrawal''s date, 28 Feb 2026, is before the consent for Local press was given on 1 Mar 2026.'"})
    void aWithdrawalIsDatedFromTheDayTheConsentWasGivenToToday(LocalDate on, String problem) {
        Map<PhotoUse, Consent> consents = consents(given(PhotoUse.PRESS));

        if (problem == null) {
            assertThat(Withdrawals.choose("Ada", consents, Set.of(), on, "Mrs L", TODAY)).hasSize(1);
        } else {
            assertThatThrownBy(() -> Withdrawals.choose("Ada", consents, Set.of(), on, "Mrs L", TODAY))
                    .isInstanceOf(ConsentException.class).matches(e -> !((ConsentException) e).conflict())
                    .hasMessage(problem);
        }
    }

    @Test
    void aConsentGivenOnALeapDayMayBeWithdrawnThatDayButNotTheDayBefore() {
        LocalDate leapDay = LocalDate.of(2024, 2, 29);
        Map<PhotoUse, Consent> consents = consents(consent(PhotoUse.WEBSITE, true, leapDay, null, null));

        assertThat(Withdrawals.choose("Ada", consents, Set.of(), leapDay, "Mrs L", TODAY)).hasSize(1);
        assertThatThrownBy(() -> Withdrawals.choose("Ada", consents, Set.of(), leapDay.minusDays(1), "Mrs L", TODAY))
                .hasMessageContaining("is before the consent for School website was given on 29 Feb 2024");
    }

    @ParameterizedTest(name = "withdrawn {0}, {1} days: due {2}")
    @CsvSource({"2026-09-01,7,2026-09-08", "2026-01-31,1,2026-02-01", "2024-02-22,7,2024-02-29", "2025-02-22,7,2025-03-01",
            "2026-07-22,60,2026-09-20", "2026-12-31,1,2027-01-01", "2026-08-31,7,2026-09-07"})
    void aTakedownIsDueTheSchoolsDaysAfterTheWithdrawal(LocalDate withdrawn, int days, LocalDate due) {
        assertThat(Withdrawals.takedownDue(withdrawn, days)).isEqualTo(due);
    }

    @ParameterizedTest(name = "\"{0}\" is {1} days")
    @CsvSource({"1,1", "7,7", "60,60", "' 14 ',14", "007,7", "+5,5"})
    void theDaysToTakeAnImageDownAreAWholeNumberFromOneToSixty(String typed, int days) {
        assertThat(TakedownDays.parse(typed)).isEqualTo(days);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none|The days to take an image down must be a whole number from 1 to 60.",
            "''|The days to take an image down must be a whole number from 1 to 60.",
            "'   '|The days to take an image down must be a whole number from 1 to 60.",
            "seven|The days to take an image down must be a whole number from 1 to 60, not 'seven'.",
            "7.5|The days to take an image down must be a whole number from 1 to 60, not '7.5'.",
            "<b>7</b>|The days to take an image down must be a whole number from 1 to 60, not '<b>7</b>'.",
            "99999999999|The days to take an image down must be a whole number from 1 to 60, not '99999999999'.",
            "0|The days to take an image down must be from 1 to 60, not 0.",
            "61|The days to take an image down must be from 1 to 60, not 61.",
            "-7|The days to take an image down must be from 1 to 60, not -7."})
    void otherDaysAreRefusedSayingWhatWasTyped(String typed, String problem) {
        assertThatThrownBy(() -> TakedownDays.parse(typed)).isInstanceOf(ConsentException.class)
                .matches(e -> !((ConsentException) e).conflict()).hasMessage(problem);
    }

    private static Map<PhotoUse, Consent> consents(Consent... consents) {
        Map<PhotoUse, Consent> byUse = new EnumMap<>(PhotoUse.class);
        for (Consent c : consents) {
            byUse.put(c.use(), c);
        }
        return byUse;
    }

    private static Consent given(PhotoUse use) {
        return consent(use, true, GIVEN, null, null);
    }

    private static Consent refused(PhotoUse use) {
        return consent(use, false, GIVEN, null, null);
    }

    private static Consent withdrawn(PhotoUse use) {
        return consent(use, true, GIVEN, null, LocalDate.of(2026, 8, 1));
    }

    private static Consent consent(PhotoUse use, boolean granted, LocalDate givenOn, LocalDate expiresOn, LocalDate withdrawnOn) {
        return new Consent(use.ordinal(), 1, use, granted, "Mrs Lovelace", null, givenOn, expiresOn, null, withdrawnOn,
                withdrawnOn == null ? null : "Mrs Lovelace", "office", null);
    }
}
