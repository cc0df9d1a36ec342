package org.lantern.server.dataprotection;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A personal-data breach as the register holds it (seed 002, data protection: "report relevant data
 * breaches to the ICO within 72 hours of the breach, where feasible").
 *
 * @param id              register number
 * @param occurredAt      when it happened (school time)
 * @param awareAt         when the school became aware of it: the ICO clock starts here
 * @param summary         what happened
 * @param dataInvolved    what personal data
 * @param peopleAffected  how many people, as best known
 * @param decision        whether to report to the ICO; null until decided
 * @param decisionReasons why, either way
 * @param decidedBy       who decided
 * @param decidedAt       when
 * @param reportedAt      when it was reported to the ICO
 * @param icoReference    the ICO's reference
 * @param peopleInformed  who was told (the people affected, parents, the DPO...) and when
 * @param actionsTaken    what was done to contain it and stop it happening again
 * @param recordedBy      who entered it in the register
 * @param recordedAt      when
 */
public record Breach(long id, OffsetDateTime occurredAt, OffsetDateTime awareAt, String summary, String dataInvolved,
                     int peopleAffected, IcoDecision decision, String decisionReasons, String decidedBy,
                     OffsetDateTime decidedAt, OffsetDateTime reportedAt, String icoReference, String peopleInformed,
                     String actionsTaken, String recordedBy, OffsetDateTime recordedAt) {

    /** The ICO's limit from awareness. */
    public static final Duration ICO_LIMIT = Duration.ofHours(72);

    /** When the ICO must have been told: 72 hours after the school became aware. */
    public OffsetDateTime icoDeadline() {
        return awareAt.plus(ICO_LIMIT);
    }

    /** Whether the clock is still running: not decided against and not yet reported. */
    public boolean awaitingReport() {
        return decision != IcoDecision.DO_NOT_REPORT && reportedAt == null;
    }

    /** Whether the deadline has passed with the report still owed. */
    public boolean overdue(Instant now) {
        return awaitingReport() && now.isAfter(icoDeadline().toInstant());
    }

    /** Whether it was reported after the deadline (the ICO then expects the reasons for the delay). */
    public boolean reportedLate() {
        return reportedAt != null && reportedAt.isAfter(icoDeadline());
    }

    /** Time left to the deadline; negative once it has passed. */
    public Duration remaining(Instant now) {
        return Duration.between(now, icoDeadline().toInstant());
    }
}
