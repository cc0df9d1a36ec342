package org.lantern.server.dataprotection;

import java.util.Arrays;
import java.util.Optional;

/** Where a subject access request stands. Only an open request can be overdue. */
public enum SarStatus {
    OPEN("Open"),
    COMPLETED("Response sent"),
    REFUSED("Refused (manifestly unfounded or excessive)"),
    WITHDRAWN("Withdrawn by the requester");

    private final String label;

    SarStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status with this name, e.g. {@code COMPLETED}. */
    public static Optional<SarStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
