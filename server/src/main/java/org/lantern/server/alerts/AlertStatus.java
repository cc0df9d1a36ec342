package org.lantern.server.alerts;

import java.util.Locale;
import java.util.Optional;

/** Where an alert is in the DSL's hands: new, then in review, then closed with an {@link AlertOutcome}. */
public enum AlertStatus {
    /** Nobody has looked into it yet. */
    NEW("New"),
    /** A member of the DSL's team is looking into it. */
    IN_REVIEW("In review"),
    /** Decided, with an outcome; a closed alert is not reopened, and a repeat raises a new alert. */
    CLOSED("Closed");

    private final String label;

    AlertStatus(String label) {
        this.label = label;
    }

    /** What the pages call it. */
    public String label() {
        return label;
    }

    /** As the API and the filters write it: {@code new}, {@code in-review}, {@code closed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a {@link #code()} or the enum's name, in any case. */
    public static Optional<AlertStatus> parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (AlertStatus s : values()) {
            if (s.name().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
