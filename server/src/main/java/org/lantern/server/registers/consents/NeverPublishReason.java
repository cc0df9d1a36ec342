package org.lantern.server.registers.consents;

/** Why a pupil must not appear in anything the school publishes, whatever their consents say. */
public enum NeverPublishReason {
    ADOPTED("Adopted"),
    LOOKED_AFTER("Looked-after child"),
    COURT_ORDER("Court order"),
    OTHER("Other (see note)");

    private final String label;

    NeverPublishReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
