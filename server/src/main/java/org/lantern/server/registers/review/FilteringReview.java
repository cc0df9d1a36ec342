package org.lantern.server.registers.review;

import java.time.OffsetDateTime;

/**
 * One annual filtering and monitoring review (DfE standards): the school's answers to what the DfE
 * asks, and the two signatures that complete it. Reviews are never changed once both have signed,
 * and never deleted, so each year's review stays readable.
 *
 * @param id               the review's id
 * @param schoolYear       the first calendar year of the school year it reviews, e.g. 2026 for 2026-27
 * @param number           its place among all reviews, 1 first
 * @param basedOn          the review it started from, or null for the first
 * @param answers          the answers to the DfE's questions
 * @param createdBy        who started it
 * @param createdAt        when
 * @param leaderSignedBy   the senior leader who signed it, or null
 * @param leaderSignedAt   when
 * @param governorSignedBy the governor who signed it, or null
 * @param governorSignedAt when
 */
public record FilteringReview(long id, int schoolYear, int number, Long basedOn, ReviewAnswers answers,
                              String createdBy, OffsetDateTime createdAt, String leaderSignedBy,
                              OffsetDateTime leaderSignedAt, String governorSignedBy,
                              OffsetDateTime governorSignedAt) {

    /** @return whether both the senior leader and the governor have signed */
    public boolean complete() {
        return leaderSignedBy != null && governorSignedBy != null;
    }

    /** @return the school year as people write it, e.g. "2026-27" */
    public String schoolYearLabel() {
        return schoolYear + "-" + String.format("%02d", (schoolYear + 1) % 100);
    }
}
