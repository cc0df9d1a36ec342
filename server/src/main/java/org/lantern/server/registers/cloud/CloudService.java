package org.lantern.server.registers.cloud;

import java.time.OffsetDateTime;

/**
 * A cloud service on the school's list: approved, requested and waiting for approval, or refused.
 *
 * @param id               the record id
 * @param name             e.g. "Showbie"
 * @param purpose          what the school uses it for
 * @param dataHeld         what personal data it holds, e.g. "pupils' names and work"
 * @param dpiaDone         whether a data protection impact assessment was done
 * @param dpaInPlace       whether a data-processing agreement with the supplier is in place
 * @param status           requested, approved or refused
 * @param requestedBy      who asked for it (or "policy" for the preset's list)
 * @param requestedAt      when
 * @param ictApprovedBy    the ICT manager who approved it, or null
 * @param ictApprovedAt    when, or null
 * @param seniorApprovedBy the senior leader who approved it, or null
 * @param seniorApprovedAt when, or null
 * @param decidedBy        who decided: the two approvers, the one who refused, or the policy
 * @param decidedAt        when it was approved or refused, or null while requested
 * @param refusalReason    why it was refused, or null
 */
public record CloudService(long id, String name, String purpose, String dataHeld, boolean dpiaDone, boolean dpaInPlace,
                           Status status, String requestedBy, OffsetDateTime requestedAt, String ictApprovedBy,
                           OffsetDateTime ictApprovedAt, String seniorApprovedBy, OffsetDateTime seniorApprovedAt,
                           String decidedBy, OffsetDateTime decidedAt, String refusalReason) {

    /** Where a service stands. */
    public enum Status {
        REQUESTED("Waiting for approval"), APPROVED("Approved"), REFUSED("Refused");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
