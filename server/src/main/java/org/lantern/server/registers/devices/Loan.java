package org.lantern.server.registers.devices;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.lantern.server.dataprotection.Countdown;

/**
 * A loan of a device, open until it is returned or reported lost or stolen.
 *
 * @param id                its id
 * @param device            the device lent
 * @param personId          the borrower in the people directory
 * @param borrower          the borrower's name
 * @param lentOn            the day it was lent
 * @param dueOn             the day it is due back
 * @param conditionOut      its condition when lent
 * @param signedName        the name the borrower typed to sign for it
 * @param lentBy            who lent it
 * @param returnedOn        the day it came back, or null
 * @param conditionBack     its condition when it came back, or null
 * @param returnedBy        who took it back, or null
 * @param returnRequestedAt when its return was asked for, or null
 * @param returnDueAt       72 hours after the request (seed 003 §7.2), or null
 * @param lossKind          lost or stolen, or null
 * @param lostAt            when it was lost or stolen, or null
 * @param policeReference   the police reference for a theft or loss, if any
 * @param personalData      whether personal data was on it (null until a loss is recorded)
 * @param incidentId        the incident the loss opened, or null
 * @param breachId          the breach the loss opened, or null
 */
public record Loan(long id, Device device, long personId, String borrower, LocalDate lentOn, LocalDate dueOn,
                   String conditionOut, String signedName, String lentBy, LocalDate returnedOn, String conditionBack,
                   String returnedBy, OffsetDateTime returnRequestedAt, OffsetDateTime returnDueAt, LossKind lossKind,
                   OffsetDateTime lostAt, String policeReference, Boolean personalData, Long incidentId,
                   Long breachId) {

    /** The time a device must be back after its return is asked for (seed 003 §7.2: "within 72 hours of Request"). */
    public static final Duration RETURN_WITHIN = Duration.ofHours(72);

    /** Whether it is still out: neither returned nor lost. */
    public boolean open() {
        return returnedOn == null && lossKind == null;
    }

    /** Whether it is out past its due day. */
    public boolean overdue(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }

    /** Whether a return was asked for and it is still out. */
    public boolean returnRequested() {
        return open() && returnDueAt != null;
    }

    /** The time left on the return request's clock (negative when past). */
    public Duration returnRemaining(Instant now) {
        return Duration.between(now, returnDueAt.toInstant());
    }

    /** The return request's countdown in words, e.g. "2 days 3 hours 10 minutes left". */
    public String returnCountdown(Instant now) {
        return Countdown.describe(returnRemaining(now));
    }

    /** Whether the return request's 72 hours have passed with the device still out. */
    public boolean returnLate(Instant now) {
        return returnRequested() && returnRemaining(now).isNegative();
    }

    /** Where the loan stands, in words. */
    public String status(LocalDate today) {
        if (lossKind != null) {
            return lossKind.label();
        }
        if (returnedOn != null) {
            return "Returned";
        }
        if (returnDueAt != null) {
            return "Return requested";
        }
        return overdue(today) ? "Overdue" : "Out";
    }
}
