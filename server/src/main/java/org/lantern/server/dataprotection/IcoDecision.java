package org.lantern.server.dataprotection;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a personal-data breach is reported to the Information Commissioner's Office. A breach
 * likely to result in a risk to people's rights and freedoms must be reported within 72 hours of
 * the school becoming aware of it; the decision is recorded with its reasons either way.
 */
public enum IcoDecision {
    REPORT("Report to the ICO"),
    DO_NOT_REPORT("Not reportable to the ICO");

    private final String label;

    IcoDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The decision with this name, e.g. {@code REPORT}. */
    public static Optional<IcoDecision> parse(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
