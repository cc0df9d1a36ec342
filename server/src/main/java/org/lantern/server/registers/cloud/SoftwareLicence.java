package org.lantern.server.registers.cloud;

import java.time.LocalDate;

/**
 * Proof of licence for a piece of software (seed 003 section 1.4), with its expiry.
 *
 * @param id        the record id
 * @param product   e.g. "Adobe Creative Cloud"
 * @param supplier  who sold it
 * @param reference the licence number, order or agreement that proves it
 * @param seats     how many users or devices it covers, or null when unlimited or unknown
 * @param expiresOn when it runs out, or null for a perpetual licence
 */
public record SoftwareLicence(long id, String product, String supplier, String reference, Integer seats,
                              LocalDate expiresOn) {

    /** Whether it has run out, or runs out within {@code days} of {@code today}. */
    public boolean dueWithin(int days, LocalDate today) {
        return expiresOn != null && !expiresOn.isAfter(today.plusDays(days));
    }

    /** Whether it ran out before {@code today}. */
    public boolean expired(LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }
}
