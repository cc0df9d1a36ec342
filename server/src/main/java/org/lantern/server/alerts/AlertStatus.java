package org.lantern.server.alerts;

/** Where an alert is in the DSL's hands. */
public enum AlertStatus {
    /** Nobody has looked into it yet. */
    NEW("New"),
    /** A member of the DSL's team has taken it on, with a note of what they did. */
    ACKNOWLEDGED("Acknowledged");

    private final String label;

    AlertStatus(String label) {
        this.label = label;
    }

    /** What the pages call it. */
    public String label() {
        return label;
    }
}
