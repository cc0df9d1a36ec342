package org.lantern.server.registers.devices;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a device stands. {@link #ON_LOAN}, {@link #LOST} and {@link #STOLEN} are set by the loans
 * (lending, a loss or theft) and cannot be chosen by hand, so the state never disagrees with the
 * loan register.
 */
public enum DeviceState {
    AVAILABLE("Available", true),
    ON_LOAN("On loan", false),
    REPAIR("Being repaired", true),
    LOST("Lost", false),
    STOLEN("Stolen", false),
    RETIRED("Retired", true);

    private final String label;
    private final boolean chosenByHand;

    DeviceState(String label, boolean chosenByHand) {
        this.label = label;
        this.chosenByHand = chosenByHand;
    }

    public String label() {
        return label;
    }

    /** Whether a person may set this state when entering or editing a device. */
    public boolean chosenByHand() {
        return chosenByHand;
    }

    /** Reads a state by its name or label in any case, e.g. {@code repair} or {@code On loan}. */
    public static Optional<DeviceState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)
                || s.label.toUpperCase(Locale.ROOT).replace(' ', '_').equals(wanted)).findFirst();
    }
}
