package org.lantern.server.alerts;

import java.util.Locale;
import java.util.Optional;

/**
 * What the DSL's team decided about an alert when closing it. The share closed as false positives
 * is what the dashboard follows, per kind and category, so the school sees which alerts waste its
 * time.
 */
public enum AlertOutcome {
    /** Looked into; nothing more is needed. */
    NO_FURTHER_ACTION("No further action"),
    /** The alert was wrong: nothing of concern happened. */
    FALSE_POSITIVE("False positive"),
    /** The school already knows and is acting on it (another alert or record). */
    ALREADY_KNOWN("Already known"),
    /** Recorded as an incident, which the alert links to. */
    ESCALATED("Escalated to an incident");

    private final String label;

    AlertOutcome(String label) {
        this.label = label;
    }

    /** What the pages call it. */
    public String label() {
        return label;
    }

    /** As the API writes it: {@code no-further-action}, {@code false-positive}, {@code already-known}, {@code escalated}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a {@link #code()} or the enum's name, in any case. */
    public static Optional<AlertOutcome> parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (AlertOutcome o : values()) {
            if (o.name().equals(t)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
