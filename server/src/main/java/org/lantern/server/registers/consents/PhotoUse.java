package org.lantern.server.registers.consents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The uses of a pupil's photograph or video the school asks consent for, one by one (seed 000 §5,
 * seed 002 "Use of digital and video images"): a parent may agree to class photos and refuse the
 * press.
 */
public enum PhotoUse {
    WEBSITE("School website"),
    SOCIAL_MEDIA("Social media"),
    PRESS("Local press"),
    DISPLAYS("Displays in school"),
    CLASS_PHOTOS("Class and year photos");

    private final String label;

    PhotoUse(String label) {
        this.label = label;
    }

    /** The use in words, e.g. "Local press". */
    public String label() {
        return label;
    }

    /** A use by its name ({@code PRESS}) or its words ("local press"), whatever the case. */
    public static Optional<PhotoUse> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        String name = t.replace(' ', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(u -> u.name().equals(name) || u.label.equalsIgnoreCase(t)).findFirst();
    }
}
