package org.lantern.server.registers.agreements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the agreements register refuses, without a database: a new version's title, text, kind of
 * change and note, and a paper form's agreement, date (in school time, around the day the version
 * was published) and signer.
 */
class AgreementFormsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    /** Published at 23:30 UTC on 31 August 2026, which is 00:30 on 1 September in London. */
    private static final AgreementVersion PARENTS = version(Audience.PARENTS, "2026-08-31T23:30:00Z");
    private static final AgreementVersion KS3 = version(Audience.KS3, "2024-02-29T12:00:00Z");
    private static final List<Audience> PUPIL_IN_YEAR_7 = List.of(Audience.KS3, Audience.PARENTS);

    @Test
    void aFirstVersionNeedsOnlyWhoItIsForATitleAndText() {
        assertThat(AgreementForms.versionProblems(Audience.STAFF, "Staff agreement", "Be kind.", null, null, false))
                .isEmpty();
        assertThat(AgreementForms.versionProblems(null, null, null, null, null, false)).containsExactly(
                "Choose who the agreement is for.", "Give the agreement a title.", "Write the agreement's text.");
    }

    @ParameterizedTest(name = "title \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankTitleOrTextIsMissing(String blank) {
        assertThat(AgreementForms.versionProblems(Audience.STAFF, blank, blank, null, null, false))
                .containsExactly("Give the agreement a title.", "Write the agreement's text.");
    }

    @ParameterizedTest(name = "{0} characters of title")
    @CsvSource({"199,true", "200,true", "201,false"})
    void aTitleIsAtMostTwoHundredCharactersAfterSpacesAreStripped(int length, boolean kept) {
        String title = "  " + "t".repeat(length) + "  ";

        assertThat(AgreementForms.versionProblems(Audience.STAFF, title, "Text.", null, null, false))
                .isEqualTo(kept ? List.of() : List.of("The title is " + length + " characters long; at most 200."));
    }

    @ParameterizedTest(name = "{0} characters of text")
    @CsvSource({"20000,true", "20001,false"})
    void theTextIsAtMostTwentyThousandCharacters(int length, boolean kept) {
        assertThat(AgreementForms.versionProblems(Audience.STAFF, "Title", "x".repeat(length), null, null, false))
                .isEqualTo(kept ? List.of() : List.of("The text is " + length + " characters long; at most 20000."));
    }

    @Test
    void htmlInTheTextIsKeptAsTextNotRefused() {
        assertThat(AgreementForms.versionProblems(Audience.STAFF, "<b>Title</b>", "<script>alert(1)</script>", null,
                null, false)).isEmpty();
    }

    @ParameterizedTest(name = "a note of {0} characters")
    @CsvSource({"500,true", "501,false"})
    void theNoteIsAtMostFiveHundredCharacters(int length, boolean kept) {
        assertThat(AgreementForms.versionProblems(Audience.STAFF, "Title", "Text.", ChangeKind.CORRECTION,
                "n".repeat(length), true)).isEqualTo(kept ? List.of()
                : List.of("The note on what changed is " + length + " characters long; at most 500."));
    }

    @Test
    void aLaterVersionSaysWhetherEveryoneSignsAgainAndWhatChanged() {
        assertThat(AgreementForms.versionProblems(Audience.STAFF, "Title", "Text.", null, "  ", true)).containsExactly(
                "Say whether this is a material change (everyone signs again) or a correction (nobody does).",
                "Say what changed, for the record.");
        assertThat(AgreementForms.versionProblems(Audience.STAFF, "Title", "Text.", ChangeKind.MATERIAL, "New rules.",
                true)).isEmpty();
    }

    @ParameterizedTest(name = "a form dated {0}")
    @CsvSource({"2026-09-01,true", "2026-08-31,false", "2026-09-02,false"})
    void aFormIsDatedFromTheSchoolDayTheVersionWasPublishedToToday(LocalDate signedOn, boolean kept) {
        List<String> problems = AgreementForms.paperProblems(PUPIL_IN_YEAR_7, "Ada Lovelace", PARENTS, signedOn,
                "Mrs Lovelace", TODAY);

        assertThat(problems).isEqualTo(kept ? List.of() : List.of(signedOn.isAfter(TODAY)
                ? "The form's date, 2 Sep 2026, is in the future."
                : "The form is dated 31 Aug 2026, before version 1 was published on 1 Sep 2026: check the date, or "
                        + "record the version the form shows."));
    }

    @Test
    void aFormOfAVersionPublishedOnALeapDayMayBeDatedThatDay() {
        assertThat(AgreementForms.paperProblems(PUPIL_IN_YEAR_7, "Ada Lovelace", KS3, LocalDate.of(2024, 2, 29), null,
                TODAY)).isEmpty();
        assertThat(AgreementForms.paperProblems(PUPIL_IN_YEAR_7, "Ada Lovelace", KS3, LocalDate.of(2024, 2, 28), null,
                TODAY)).singleElement().asString().startsWith("The form is dated 28 Feb 2024, before version 1 was "
                        + "published on 29 Feb 2024");
    }

    @Test
    void aFormWithNoDateSaysSo() {
        assertThat(AgreementForms.paperProblems(PUPIL_IN_YEAR_7, "Ada Lovelace", KS3, null, null, TODAY))
                .containsExactly("Give the date on the form.");
    }

    @ParameterizedTest(name = "signed by \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aParentsFormNamesTheParentButAPupilsOwnNeedsNoName(String signer) {
        assertThat(AgreementForms.paperProblems(PUPIL_IN_YEAR_7, "Ada Lovelace", PARENTS, TODAY, signer, TODAY))
                .containsExactly("Give the name of the parent or carer who signed the form.");
        assertThat(AgreementForms.paperProblems(PUPIL_IN_YEAR_7, "Ada Lovelace", KS3, TODAY, signer, TODAY)).isEmpty();
    }

    @ParameterizedTest(name = "a name of {0} characters")
    @CsvSource({"200,true", "201,false"})
    void theSignersNameIsAtMostTwoHundredCharacters(int length, boolean kept) {
        assertThat(AgreementForms.paperProblems(PUPIL_IN_YEAR_7, "Ada", PARENTS, TODAY, " " + "n".repeat(length) + " ",
                TODAY)).isEqualTo(kept ? List.of() : List.of("The name is " + length + " characters long; at most 200."));
    }

    @Test
    void aVersionOfAnAgreementThePersonDoesNotSignNamesTheOnesTheyDo() {
        AgreementVersion staff = version(Audience.STAFF, "2025-01-01T09:00:00Z");

        assertThat(AgreementForms.paperProblems(PUPIL_IN_YEAR_7, "Ada Lovelace", staff, TODAY, null, TODAY))
                .containsExactly("Version 1 is of the Staff agreement, which Ada Lovelace does not sign: choose "
                        + "Pupils: Key Stage 3 (Years 7 to 9) or Parents and carers.");
        assertThat(AgreementForms.paperProblems(List.of(), "A visitor", staff, TODAY, null, TODAY))
                .containsExactly("Version 1 is of the Staff agreement, which A visitor does not sign: choose no agreement.");
    }

    @Test
    void everyProblemIsSaidAtOnce() {
        AgreementVersion staff = version(Audience.PARENTS, "2025-01-01T09:00:00Z");

        assertThat(AgreementForms.paperProblems(List.of(Audience.STAFF), "Sam", staff, TODAY.plusDays(1), "", TODAY))
                .hasSize(3);
    }

    private static AgreementVersion version(Audience audience, String publishedAt) {
        return new AgreementVersion(1, audience, 1, "Title", "Body.", ChangeKind.FIRST, "First version.", "dsl",
                OffsetDateTime.parse(publishedAt), null);
    }
}
