package org.lantern.server.registers.devices;

import java.time.OffsetDateTime;

/**
 * A school device in the asset register.
 *
 * @param id           its id
 * @param type         laptop, tablet...
 * @param make         the maker, e.g. Lenovo
 * @param model        the model, if known
 * @param serialNumber the maker's serial number as typed
 * @param assetTag     the school's own label, if it has one
 * @param location     where it is kept, if known
 * @param state        available, on loan...
 * @param createdBy    who entered it
 * @param createdAt    when
 */
public record Device(long id, DeviceType type, String make, String model, String serialNumber, String assetTag,
                     String location, DeviceState state, String createdBy, OffsetDateTime createdAt) {

    /** A short name for lists and emails, e.g. "Laptop LT-0042" or "Laptop Lenovo 100e". */
    public String label() {
        return type.label() + " " + (assetTag != null ? assetTag : make + (model == null ? "" : " " + model));
    }
}
