package org.lantern.server.dataprotection;

import java.time.LocalDate;

/**
 * When a subject access request must be answered (UK GDPR Art. 12(3), as the ICO explains it):
 * one calendar month from the day of receipt, to the corresponding date of the next month; when
 * that month has no such date (a request received on 31 January), the last day of that month.
 * The time may be extended by up to two further months for complex or numerous requests, counted
 * the same way from the day of receipt.
 *
 * <p>The ICO also allows the next working day when the date falls on a weekend or bank holiday;
 * Lantern keeps the calendar date, which is never later than the law allows.
 */
public final class SubjectAccessDeadline {

    /** The most a deadline may be extended by. */
    public static final int MAX_EXTENSION_MONTHS = 2;

    private SubjectAccessDeadline() {
    }

    /** The deadline for a request received on {@code received}, extended by {@code extensionMonths} (0 to 2). */
    public static LocalDate dueOn(LocalDate received, int extensionMonths) {
        if (extensionMonths < 0 || extensionMonths > MAX_EXTENSION_MONTHS) {
            throw new IllegalArgumentException("An extension is 0, 1 or 2 months, not " + extensionMonths);
        }
        // plusMonths keeps the day of month, or takes the month's last day when it has no such day:
        // exactly the ICO's rule.
        return received.plusMonths(1L + extensionMonths);
    }
}
