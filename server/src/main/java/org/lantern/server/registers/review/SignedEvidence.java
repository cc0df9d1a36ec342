package org.lantern.server.registers.review;

import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.lantern.server.http.SchoolTime;

/**
 * The evidence a review shows, and where it came from: the snapshot stored at its final signature,
 * or the live evidence for a review still open (or signed before snapshots were kept, which says
 * so). Also turns an {@link ReviewEvidence.Evidence} into the stored JSON and back.
 *
 * @param evidence the evidence to show
 * @param signedOn the day of the final signature when {@code evidence} is the stored snapshot, else null
 * @param note     what to tell the reader about where the evidence came from
 */
public record SignedEvidence(ReviewEvidence.Evidence evidence, LocalDate signedOn, String note) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @return whether {@code evidence} is the snapshot stored when the review was signed */
    public boolean stored() {
        return signedOn != null;
    }

    /** The evidence of {@code review}: its stored snapshot when it has one, else {@code live}. */
    static SignedEvidence of(FilteringReview review, String snapshot, ReviewEvidence.Evidence live) {
        if (snapshot != null) {
            LocalDate on = review.governorSignedAt().isAfter(review.leaderSignedAt())
                    ? review.governorSignedAt().atZoneSameInstant(SchoolTime.ZONE).toLocalDate()
                    : review.leaderSignedAt().atZoneSameInstant(SchoolTime.ZONE).toLocalDate();
            return new SignedEvidence(read(snapshot), on, "As signed on " + SchoolTime.day(on) + ".");
        }
        if (review.complete()) {
            return new SignedEvidence(live, null, "This review was signed before Lantern kept the evidence "
                    + "a review is signed against, so what follows is the evidence as it is now.");
        }
        return new SignedEvidence(live, null, "Live evidence, gathered now.");
    }

    static String write(ReviewEvidence.Evidence evidence) {
        try {
            return JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The review's evidence could not be written as JSON", e);
        }
    }

    private static ReviewEvidence.Evidence read(String snapshot) {
        try {
            return JSON.readValue(snapshot, ReviewEvidence.Evidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The review's stored evidence could not be read", e);
        }
    }
}
