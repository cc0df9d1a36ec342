package org.lantern.server.registers.review;

import org.junit.jupiter.api.Test;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.reports.SchoolYear;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed review keeps the evidence it was signed against (H2 and PostgreSQL): after the final
 * signature the policy changes so that the live filter test lets gambling through, and the review
 * still shows the policy version, counts and filter test as they stood when it was signed. A review
 * signed before evidence was kept shows the live evidence and says so; an open one shows it live.
 */
@PersistenceTest
@DirtiesContext
@TestPropertySource(properties = {
        "lantern.filter.lists=src/test/resources/filtering/lists",
        "lantern.data-dir=target/signed-review-evidence-test-data"})
class SignedReviewEvidenceTest {

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
    PolicyService policies;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignedReviewKeepsTheEvidenceItWasSignedAgainstWhenThePolicyChanges() {
        filter.listsLoaded().join();
        FilteringReview review = startOne();
        reviews.sign(review.id(), Signer.LEADER, "head");
        SignedEvidence halfSigned = reviews.evidenceOf(reviews.get(review.id()));
        assertThat(halfSigned.stored()).isFalse();
        assertThat(halfSigned.note()).isEqualTo("Live evidence, gathered now.");
        FilteringReview signed = reviews.sign(review.id(), Signer.GOVERNOR, "governor");
        int signedVersion = policies.current().orElseThrow().number();
        String yaml = policies.current().orElseThrow().yaml();
        try {
            policies.propose(yaml.replaceFirst(
                    "(id: online-gambling\\s+text: \"Online gambling\"\\s+categories: \\[gambling\\]\\s+levels: )"
                            + "\\[unacceptable\\]", "$1[acceptable]"), "test", "gambling is studied in maths");
            ReviewEvidence.Evidence live = evidence.gather(SchoolYear.current());
            assertThat(gambling(live).blocked()).as("the live filter test now lets gambling through").isFalse();
            assertThat(live.policyVersion()).isGreaterThan(signedVersion);

            SignedEvidence shown = reviews.evidenceOf(signed);

            assertThat(shown.stored()).isTrue();
            assertThat(shown.signedOn()).isEqualTo(SchoolTime.today());
            assertThat(shown.note()).isEqualTo("As signed on " + SchoolTime.day(SchoolTime.today()) + ".");
            assertThat(shown.evidence().policyVersion()).isEqualTo(signedVersion);
            assertThat(shown.evidence().changes()).hasSizeLessThan(live.changes().size());
            assertThat(shown.evidence().counts()).hasSize(4);
            FilterTest.Check gambling = gambling(shown.evidence());
            assertThat(gambling.address()).isEqualTo("casino.example");
            assertThat(gambling.recognised()).isTrue();
            assertThat(gambling.blocked()).isTrue();
            assertThat(gambling.passed()).isTrue();
        } finally {
            policies.restore(signedVersion, "test", "undo the test's policy change");
        }
    }

    @Test
    void aReviewSignedBeforeEvidenceWasKeptShowsTheLiveEvidenceWithANote() {
        filter.listsLoaded().join();
        FilteringReview review = startOne();
        reviews.sign(review.id(), Signer.LEADER, "head");
        reviews.sign(review.id(), Signer.GOVERNOR, "governor");
        jdbc.sql("UPDATE filtering_review SET signed_evidence = NULL WHERE id = :id").param("id", review.id()).update();

        SignedEvidence shown = reviews.evidenceOf(reviews.get(review.id()));

        assertThat(shown.stored()).isFalse();
        assertThat(shown.signedOn()).isNull();
        assertThat(shown.note()).startsWith("This review was signed before Lantern kept the evidence");
        assertThat(shown.evidence().policyVersion()).isEqualTo(policies.current().orElseThrow().number());
        assertThat(gambling(shown.evidence()).passed()).isTrue();
    }

    /** A new review with every question answered, after the last one, which is always signed here. */
    private FilteringReview startOne() {
        int year = reviews.latest().map(r -> r.schoolYear() + 1).orElse(SchoolYear.current().startYear());
        return reviews.start(new SchoolYear(year), ANSWERED, "head");
    }

    private static FilterTest.Check gambling(ReviewEvidence.Evidence evidence) {
        return evidence.filterTest().stream().filter(c -> c.category().equals("gambling")).findFirst().orElseThrow();
    }
}
