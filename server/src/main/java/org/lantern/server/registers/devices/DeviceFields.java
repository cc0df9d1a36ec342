package org.lantern.server.registers.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A device as typed on the form, in the API or on a CSV row, before it is checked.
 *
 * @param type         laptop, tablet... (the enum's name or label)
 * @param make         the maker
 * @param model        the model (optional)
 * @param serialNumber the serial number
 * @param assetTag     the school's label (optional)
 * @param location     where it is kept (optional)
 * @param state        the state (optional on entry: available)
 */
public record DeviceFields(String type, String make, String model, String serialNumber, String assetTag,
                           String location, String state) {

    static final int MAX_NAME = 100;
    static final int MAX_TAG = 50;
    static final int MAX_LOCATION = 200;

    /**
     * The fields checked, every problem named.
     *
     * @param type  the type read
     * @param state the state read (available when none was given)
     */
    record Checked(DeviceType type, String make, String model, String serialNumber, String serialKey, String assetTag,
                   String location, DeviceState state) {
    }

    /** Checks every field; a state set by the loans (on loan, lost, stolen) may not be chosen here. */
    Checked check(List<String> problems) {
        DeviceType t = DeviceType.parse(type).orElse(null);
        if (t == null) {
            problems.add(blank(type) ? "Choose the type of device."
                    : "'" + type.strip() + "' is not a type of device: use one of " + names(DeviceType.values()) + ".");
        }
        DeviceState s = blank(state) ? DeviceState.AVAILABLE : DeviceState.parse(state).orElse(null);
        if (s == null) {
            problems.add("'" + state.strip() + "' is not a state: use one of " + handStates() + ".");
        } else if (!s.chosenByHand()) {
            problems.add("A device becomes '" + s.label() + "' through the loans register, not by choosing it: use one of "
                    + handStates() + ".");
        }
        require(problems, "The make", make, MAX_NAME);
        optional(problems, "The model", model, MAX_NAME);
        require(problems, "The serial number", serialNumber, MAX_NAME);
        optional(problems, "The asset tag", assetTag, MAX_TAG);
        optional(problems, "The location", location, MAX_LOCATION);
        String key = blank(serialNumber) ? null : serialKey(serialNumber);
        if (key != null && key.isEmpty()) {
            problems.add("The serial number must have letters or digits.");
        }
        return new Checked(t, strip(make), strip(model), strip(serialNumber), key, strip(assetTag), strip(location), s);
    }

    /** The serial number as compared: upper case, without spaces, dashes, dots or slashes. */
    static String serialKey(String serial) {
        return serial.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-./]", "");
    }

    private static String handStates() {
        List<String> names = new ArrayList<>();
        for (DeviceState s : DeviceState.values()) {
            if (s.chosenByHand()) {
                names.add(s.name().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(", ", names);
    }

    private static String names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(v.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    static void require(List<String> problems, String what, String text, int max) {
        if (blank(text)) {
            problems.add(what + " is required.");
        } else {
            optional(problems, what, text, max);
        }
    }

    static void optional(List<String> problems, String what, String text, int max) {
        if (!blank(text) && text.strip().length() > max) {
            problems.add(what + " must be at most " + max + " characters.");
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String strip(String text) {
        return blank(text) ? null : text.strip();
    }
}
