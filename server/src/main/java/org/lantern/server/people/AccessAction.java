package org.lantern.server.people;

/** What an internet access register entry records. */
public enum AccessAction {
    GRANTED("Granted"), REMOVED("Removed");

    private final String label;

    AccessAction(String label) {
        this.label = label;
    }

    /** The word the register shows. */
    public String label() {
        return label;
    }
}
