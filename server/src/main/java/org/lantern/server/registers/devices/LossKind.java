package org.lantern.server.registers.devices;

import java.util.Locale;
import java.util.Optional;

/** How a loan ended without a return. */
public enum LossKind {
    LOST("Lost", DeviceState.LOST),
    STOLEN("Stolen", DeviceState.STOLEN);

    private final String label;
    private final DeviceState state;

    LossKind(String label, DeviceState state) {
        this.label = label;
        this.state = state;
    }

    public String label() {
        return label;
    }

    /** The device's state afterwards. */
    DeviceState state() {
        return state;
    }

    /** Reads {@code lost} or {@code stolen}, in any case. */
    public static Optional<LossKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
