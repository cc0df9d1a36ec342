package org.lantern.server.registers.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The annual review's rules without a database: what an answer may be, when a review may be started,
 * answered and signed, and when the next one is due.
 */
class ReviewRulesTest {

    private static final ReviewAnswers ANSWERED = new ReviewAnswers("Screen readers allowed.", "Translation open.",
            "AI chat blocked.", "Guest network.", "");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-07-10T10:00:00Z");

    @Test
    void answersAreTrimmedAndAMissingOneIsEmpty() {
        ReviewAnswers answers = new ReviewAnswers("  Yes. ", null, "\t", "", " <b>BYOD</b> ");

        assertThat(answers).isEqualTo(new ReviewAnswers("Yes.", "", "", "", "<b>BYOD</b>"));
        assertThat(answers.unanswered()).containsExactly("EAL", "AI tools", "BYOD");
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"0,true", "1,true", "4000,true", "4001,false"})
    void eachAnswerIsAtMostFourThousandCharacters(int length, boolean kept) {
        String answer = "a".repeat(length);
        ReviewAnswers answers = new ReviewAnswers(answer, answer, answer, answer, answer);

        assertThat(answers.problems()).hasSize(kept ? 0 : 5);
        if (!kept) {
            assertThat(answers.problems()).containsExactly(
                    "The answer on SEND is 4001 characters long; at most 4000.",
                    "The answer on EAL is 4001 characters long; at most 4000.",
                    "The answer on AI tools is 4001 characters long; at most 4000.",
                    "The answer on BYOD is 4001 characters long; at most 4000.",
                    "The answer on actions is 4001 characters long; at most 4000.");
        }
    }

    @Test
    void spacesAroundAnAnswerDoNotCountTowardsItsLength() {
        assertThat(new ReviewAnswers("  " + "a".repeat(4000) + "  ", null, null, null, null).problems()).isEmpty();
    }

    @Test
    void htmlInAnAnswerIsKeptAsWrittenForThePageToEscape() {
        ReviewAnswers answers = new ReviewAnswers("<script>alert(1)</script>", "&amp;", "<i>", "\"'", "");

        assertThat(answers.problems()).isEmpty();
        assertThat(answers.send()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void aNewReviewKeepsTheLastOnesAnswerWhereItLeavesOneBlank() {
        ReviewAnswers last = new ReviewAnswers("send", "eal", "ai", "byod", "actions");

        assertThat(new ReviewAnswers(" ", "New EAL.", null, "", "New actions.").over(last))
                .isEqualTo(new ReviewAnswers("send", "New EAL.", "ai", "byod", "New actions."));
        assertThat(ReviewAnswers.NONE.over(ReviewAnswers.NONE)).isEqualTo(ReviewAnswers.NONE);
    }

    @Test
    void theActionsAreNotAQuestionASignatureNeedsAnswered() {
        assertThat(ANSWERED.unanswered()).isEmpty();
        assertThat(ReviewAnswers.NONE.unanswered()).containsExactly("SEND", "EAL", "AI tools", "BYOD");
    }

    @Test
    void theFirstReviewIsNumberOneAndEachAfterOneMore() {
        assertThat(ReviewRules.nextNumber(Optional.empty())).isEqualTo(1);
        assertThat(ReviewRules.nextNumber(Optional.of(review(7, "head", "governor")))).isEqualTo(8);
    }

    @Test
    void aReviewStartsWhenNoneIsOpen() {
        assertThatCode(() -> ReviewRules.checkStart(ReviewAnswers.NONE, Optional.empty())).doesNotThrowAnyException();
        assertThatCode(() -> ReviewRules.checkStart(ANSWERED, Optional.of(review(1, "head", "governor"))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "leader {0}, governor {1}")
    @CsvSource(nullValues = "none", value = {"none,none", "head,none", "none,governor"})
    void aReviewDoesNotStartWhileTheLastIsNotSignedByBoth(String leader, String governor) {
        assertThatThrownBy(() -> ReviewRules.checkStart(ANSWERED, Optional.of(review(3, leader, governor))))
                .isInstanceOf(ReviewException.class).matches(e -> ((ReviewException) e).conflict())
                .hasMessage("Review 3 (2026-27) is not yet signed by both the senior leader and the governor; "
                        + "finish it first.");
    }

    @Test
    void anAnswerTooLongRefusesTheStartBeforeTheLastReviewIsLookedAt() {
        ReviewAnswers tooLong = new ReviewAnswers("a".repeat(4001), "", "", "", "");

        assertThatThrownBy(() -> ReviewRules.checkStart(tooLong, Optional.of(review(3, null, null))))
                .isInstanceOf(ReviewException.class).matches(e -> !((ReviewException) e).conflict())
                .hasMessage("The answer on SEND is 4001 characters long; at most 4000.");
    }

    @Test
    void answersChangeOnlyUntilTheFirstSignature() {
        assertThatCode(() -> ReviewRules.checkAnswer(review(2, null, null), ANSWERED)).doesNotThrowAnyException();
        for (FilteringReview signed : List.of(review(2, "head", null), review(2, null, "governor"),
                review(2, "head", "governor"))) {
            assertThatThrownBy(() -> ReviewRules.checkAnswer(signed, ANSWERED)).isInstanceOf(ReviewException.class)
                    .matches(e -> ((ReviewException) e).conflict())
                    .hasMessage("Review 2 is signed, so its answers stand; start next year's review from it instead.");
        }
    }

    @Test
    void answersTooLongAreRefusedAsBadInputNotAConflict() {
        assertThatThrownBy(() -> ReviewRules.checkAnswer(review(2, "head", null),
                new ReviewAnswers("", "", "", "", "x".repeat(4001))))
                .isInstanceOf(ReviewException.class).matches(e -> !((ReviewException) e).conflict())
                .hasMessage("The answer on actions is 4001 characters long; at most 4000.");
    }

    @ParameterizedTest
    @EnumSource(Signer.class)
    void eachSignsOnceWhenTheQuestionsAreAnswered(Signer signer) {
        assertThatCode(() -> ReviewRules.checkSign(review(1, null, null), signer)).doesNotThrowAnyException();
        FilteringReview signedByOther = signer == Signer.LEADER ? review(1, null, "gov") : review(1, "head", null);
        assertThatCode(() -> ReviewRules.checkSign(signedByOther, signer)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} signs again")
    @CsvSource({"LEADER,senior leader (head)", "GOVERNOR,governor (gov)"})
    void nobodySignsTwice(Signer signer, String who) {
        assertThatThrownBy(() -> ReviewRules.checkSign(review(4, "head", "gov"), signer))
                .isInstanceOf(ReviewException.class).matches(e -> ((ReviewException) e).conflict())
                .hasMessage("Review 4 is already signed by the " + who + ".");
    }

    @ParameterizedTest(name = "an answer of \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aSignatureNeedsTheDfEsQuestionsAnswered(String blank) {
        FilteringReview review = review(1, null, null, new ReviewAnswers("SEND.", blank, "AI.", blank, "Actions."));

        assertThatThrownBy(() -> ReviewRules.checkSign(review, Signer.GOVERNOR)).isInstanceOf(ReviewException.class)
                .matches(e -> !((ReviewException) e).conflict())
                .hasMessage("Answer what the DfE asks before signing: EAL, BYOD.");
    }

    @Test
    void theNextReviewIsDueTodayWhenNoneWasEverCompleted() {
        LocalDate today = LocalDate.of(2026, 12, 7);

        assertThat(ReviewRules.nextAnnualReview(List.of(), today)).isEqualTo(today);
        assertThat(ReviewRules.nextAnnualReview(List.of(review(1, "head", null)), today)).isEqualTo(today);
    }

    @ParameterizedTest(name = "leader {0}, governor {1}: next due {2}")
    @CsvSource({
            "2026-07-10T10:00:00Z, 2026-07-12T10:00:00Z, 2027-07-12",
            "2026-07-12T10:00:00Z, 2026-07-10T10:00:00Z, 2027-07-12",
            // Signed at 23:30 UTC on the last day of the school year: 00:30 on 1 September in London.
            "2026-08-31T23:30:00Z, 2026-08-01T09:00:00Z, 2027-09-01",
            // In winter London is on UTC.
            "2026-12-31T23:30:00Z, 2026-12-01T09:00:00Z, 2027-12-31",
            // A year after a leap day is the last day of February.
            "2024-02-29T12:00:00Z, 2024-02-01T12:00:00Z, 2025-02-28",
            "2026-01-31T12:00:00Z, 2026-01-30T12:00:00Z, 2027-01-31"})
    void theNextReviewIsAYearAfterTheLaterSignatureAsASchoolDate(OffsetDateTime leader, OffsetDateTime governor,
                                                                 LocalDate due) {
        FilteringReview done = new FilteringReview(1, 2025, 1, null, ANSWERED, "head", AT, "head", leader, "gov",
                governor);

        assertThat(ReviewRules.nextAnnualReview(List.of(done), LocalDate.of(2030, 1, 1))).isEqualTo(due);
    }

    @Test
    void theNewestCompleteReviewDecidesEvenWhenANewerOneIsOpen() {
        FilteringReview open = review(3, "head", null);
        FilteringReview complete = new FilteringReview(2, 2025, 2, 1L, ANSWERED, "head", AT, "head",
                OffsetDateTime.parse("2026-06-01T09:00:00Z"), "gov", OffsetDateTime.parse("2026-06-02T09:00:00Z"));
        FilteringReview older = new FilteringReview(1, 2024, 1, null, ANSWERED, "head", AT, "head",
                OffsetDateTime.parse("2025-06-01T09:00:00Z"), "gov", OffsetDateTime.parse("2025-06-02T09:00:00Z"));

        assertThat(ReviewRules.nextAnnualReview(List.of(open, complete, older), LocalDate.of(2026, 12, 7)))
                .isEqualTo(LocalDate.of(2027, 6, 2));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"2026,2026-27", "1999,1999-00", "2009,2009-10", "2099,2099-00"})
    void aSchoolYearIsWrittenAsPeopleWriteIt(int year, String label) {
        assertThat(new FilteringReview(1, year, 1, null, ANSWERED, "head", AT, null, null, null, null).schoolYearLabel())
                .isEqualTo(label);
    }

    private static FilteringReview review(int number, String leader, String governor) {
        return review(number, leader, governor, ANSWERED);
    }

    private static FilteringReview review(int number, String leader, String governor, ReviewAnswers answers) {
        return new FilteringReview(number, 2026, number, null, answers, "head", AT, leader, leader == null ? null : AT,
                governor, governor == null ? null : AT);
    }
}
