package org.lantern.server.registers.devices;

import java.time.OffsetDateTime;

/**
 * A personal device (BYOD) registered for a person.
 *
 * @param id           its id
 * @param personId     whose it is
 * @param owner        their name
 * @param kind         the kind's id (a Mobile Technologies column or an allowed type)
 * @param description  what it is, e.g. "iPhone 13, blue case"
 * @param registeredBy who registered it
 * @param registeredAt when
 * @param removedAt    when it was taken off the register, or null
 */
public record PersonalDevice(long id, long personId, String owner, String kind, String description,
                             String registeredBy, OffsetDateTime registeredAt, OffsetDateTime removedAt) {
}
