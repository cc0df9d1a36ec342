package org.lantern.server.registers.devices;

import java.time.OffsetDateTime;

/**
 * A loss or theft as reported on the loan's page or through the API, before it is checked.
 *
 * @param kind            lost or stolen
 * @param lostAt          when it happened (best estimate)
 * @param policeReference the police reference: required for a theft, optional for a loss
 * @param description     what happened
 * @param categoryId      the row of the borrower's Actions / Sanctions table the incident is recorded under
 * @param personalData    whether personal data was on the device: must be answered, yes or no
 * @param dataInvolved    when yes, what personal data
 * @param peopleAffected  when yes, how many people's data (best estimate)
 */
public record LossReport(LossKind kind, OffsetDateTime lostAt, String policeReference, String description,
                         String categoryId, Boolean personalData, String dataInvolved, Integer peopleAffected) {
}
