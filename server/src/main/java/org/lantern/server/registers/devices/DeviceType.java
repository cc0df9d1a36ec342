package org.lantern.server.registers.devices;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of device a school asset is, as the register and its CSV import name it. */
public enum DeviceType {
    LAPTOP("Laptop"),
    TABLET("Tablet"),
    CHROMEBOOK("Chromebook"),
    DESKTOP("Desktop"),
    PHONE("Phone"),
    CAMERA("Camera"),
    OTHER("Other");

    private final String label;

    DeviceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads a type by its name or label in any case, e.g. {@code laptop} or {@code Laptop}. */
    public static Optional<DeviceType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }
}
