package org.lantern.server.registers.review;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.reports.SchoolYear;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.ReviewTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The annual filtering and monitoring reviews on the database (H2 and PostgreSQL): a review is
 * kept and versioned (each year's stays, a new one starts from the last one's answers and waits
 * for the last to be signed), signed once by the senior leader and once by the governor after the
 * DfE's questions are answered, each step audited; and the live evidence's filter test really puts
 * a loaded list's address through the filter.
 */
@PersistenceTest
@DirtiesContext
@TestPropertySource(properties = {
        "lantern.filter.lists=src/test/resources/filtering/lists",
        "lantern.data-dir=target/filtering-reviews-test-data"})
class FilteringReviewsTest {

    private static final ReviewAnswers ANSWERED = new ReviewAnswers("Screen readers are allowed.",
            "Translation sites are open.", "AI chat is blocked for pupils.", "Personal devices use the guest network.",
            "Check the lists each term.");

    @Autowired
    FilteringReviews reviews;
    @Autowired
    ReviewEvidence evidence;
    @Autowired
    FilterService filter;
    @Autowired
    JdbcClient jdbc;

    /** Numbering starts at 1 only in an empty register, and an open review would refuse a start. */
    @BeforeEach
    void noReviews() {
        ReviewTables.clear(jdbc);
    }

    @Test
    void eachYearsReviewIsKeptSignedByBothAndTheNextStartsFromIt() {
        long auditBefore = auditEntries();
        FilteringReview first = reviews.start(new SchoolYear(2025),
                new ReviewAnswers("Screen readers are allowed.", "", "", "", ""), "head");
        assertThat(first.number()).isEqualTo(1);
        assertThatThrownBy(() -> reviews.sign(first.id(), Signer.GOVERNOR, "governor"))
                .isInstanceOf(ReviewException.class).hasMessage("Answer what the DfE asks before signing: EAL, AI tools, BYOD.");
        assertThat(reviews.answer(first.id(), ANSWERED, "head").answers()).isEqualTo(ANSWERED);
        assertThat(first.basedOn()).isNull();
        assertThat(first.complete()).isFalse();

        assertThatThrownBy(() -> reviews.start(new SchoolYear(2026), ReviewAnswers.NONE, "head"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("not yet signed by both")
                .matches(e -> ((ReviewException) e).conflict());

        FilteringReview led = reviews.sign(first.id(), Signer.LEADER, "head");
        assertThat(led.leaderSignedBy()).isEqualTo("head");
        assertThat(led.leaderSignedAt()).isNotNull();
        assertThat(led.complete()).isFalse();
        assertThatThrownBy(() -> reviews.sign(first.id(), Signer.LEADER, "dsl"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("already signed by the senior leader (head)");
        FilteringReview signed = reviews.sign(first.id(), Signer.GOVERNOR, "governor");
        assertThat(signed.governorSignedBy()).isEqualTo("governor");
        assertThat(signed.complete()).isTrue();
        assertThatThrownBy(() -> reviews.answer(first.id(), ReviewAnswers.NONE, "head"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("is signed, so its answers stand");

        FilteringReview next = reviews.start(new SchoolYear(2026),
                new ReviewAnswers("", "", "AI chat is allowed for sixth form.", "", ""), "dsl");

        assertThat(next.number()).isEqualTo(2);
        assertThat(next.basedOn()).isEqualTo(first.id());
        assertThat(next.answers()).isEqualTo(new ReviewAnswers(ANSWERED.send(), ANSWERED.eal(),
                "AI chat is allowed for sixth form.", ANSWERED.byod(), ANSWERED.actions()));
        assertThat(next.leaderSignedBy()).isNull();
        assertThat(reviews.all()).extracting(FilteringReview::number).containsExactly(2, 1);
        assertThat(reviews.get(first.id()).answers()).isEqualTo(ANSWERED);
        assertThat(jdbc.sql("SELECT action FROM audit_chain WHERE sequence_number > :s AND record_type = "
                        + "'filtering-review' ORDER BY sequence_number").param("s", auditBefore)
                .query(String.class).list())
                .containsExactly("filtering-review.started", "filtering-review.answered", "filtering-review.signed",
                        "filtering-review.signed",
                        "filtering-review.started");
    }

    @Test
    void anAnswerTooLongIsRefusedWithNothingKept() {
        long before = jdbc.sql("SELECT COUNT(*) FROM filtering_review").query(Long.class).single();

        assertThatThrownBy(() -> reviews.start(new SchoolYear(2030),
                new ReviewAnswers("x".repeat(ReviewAnswers.MAX_ANSWER + 1), "", "", "", ""), "head"))
                .isInstanceOf(ReviewException.class)
                .hasMessage("The answer on SEND is 4001 characters long; at most 4000.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM filtering_review").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theFilterTestPutsALoadedListsAddressThroughTheFilterNow() {
        filter.listsLoaded().join();

        List<FilterTest.Check> checks = evidence.gather(SchoolYear.current()).filterTest();

        FilterTest.Check gambling = checks.stream().filter(c -> c.category().equals("gambling")).findFirst()
                .orElseThrow();
        assertThat(gambling.address()).isEqualTo("casino.example");
        assertThat(gambling.recognised()).isTrue();
        assertThat(gambling.blocked()).isTrue();
        assertThat(gambling.passed()).isTrue();
        assertThat(checks).filteredOn(c -> c.address() == null)
                .allSatisfy(c -> assertThat(c.reason()).startsWith("No list of this category is loaded"));
    }

    private long auditEntries() {
        return jdbc.sql("SELECT COALESCE(MAX(sequence_number), 0) FROM audit_chain").query(Long.class).single();
    }
}
