package org.lantern.server.registers.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.lantern.server.http.SchoolTime;

/**
 * When a filtering and monitoring review may be started, answered and signed, and when the next one
 * is due, apart from the database so each rule can be tested on its own ({@link FilteringReviews}
 * applies them, then writes). A review is started only once the last one is signed by both; its
 * answers change only until the first signature, since a signature is given to the answers as they
 * stand; each of the two signs once, and only when the DfE's questions are answered.
 */
final class ReviewRules {

    private ReviewRules() {
    }

    /**
     * Refuses to start a review with {@code answers} after {@code last}.
     *
     * @throws ReviewException when an answer is too long, or (conflict) the last review is not signed by both
     */
    static void checkStart(ReviewAnswers answers, Optional<FilteringReview> last) {
        refuseProblems(answers);
        if (last.isPresent() && !last.get().complete()) {
            throw new ReviewException("Review " + last.get().number() + " (" + last.get().schoolYearLabel()
                    + ") is not yet signed by both the senior leader and the governor; finish it first.", true);
        }
    }

    /** The number of the review after {@code last}: 1 for the first. */
    static int nextNumber(Optional<FilteringReview> last) {
        return last.map(r -> r.number() + 1).orElse(1);
    }

    /**
     * Refuses to change {@code review}'s answers to {@code answers}.
     *
     * @throws ReviewException when an answer is too long, or (conflict) anyone has signed the review
     */
    static void checkAnswer(FilteringReview review, ReviewAnswers answers) {
        refuseProblems(answers);
        if (review.leaderSignedBy() != null || review.governorSignedBy() != null) {
            throw new ReviewException("Review " + review.number() + " is signed, so its answers stand; "
                    + "start next year's review from it instead.", true);
        }
    }

    /**
     * Refuses {@code signer}'s signature of {@code review}.
     *
     * @throws ReviewException (conflict) when that signature is already given, or when a question is unanswered
     */
    static void checkSign(FilteringReview review, Signer signer) {
        String already = signer == Signer.LEADER ? review.leaderSignedBy() : review.governorSignedBy();
        if (already != null) {
            throw new ReviewException("Review " + review.number() + " is already signed by the "
                    + (signer == Signer.LEADER ? "senior leader" : "governor") + " (" + already + ").", true);
        }
        List<String> blank = review.answers().unanswered();
        if (!blank.isEmpty()) {
            throw new ReviewException("Answer what the DfE asks before signing: " + String.join(", ", blank) + ".",
                    false);
        }
    }

    /**
     * The next annual review: a year after the later signature of the newest complete review, as a
     * date in school time (a signature at 23:30 UTC on 31 August was given on 1 September in London),
     * or {@code today} when no review was ever completed.
     *
     * @param newestFirst every review, newest first
     */
    static LocalDate nextAnnualReview(List<FilteringReview> newestFirst, LocalDate today) {
        return newestFirst.stream().filter(FilteringReview::complete).findFirst()
                .map(r -> later(r.leaderSignedAt(), r.governorSignedAt()).atZoneSameInstant(SchoolTime.ZONE)
                        .toLocalDate().plusYears(1))
                .orElse(today);
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static void refuseProblems(ReviewAnswers answers) {
        List<String> problems = answers.problems();
        if (!problems.isEmpty()) {
            throw new ReviewException(problems, false);
        }
    }
}
