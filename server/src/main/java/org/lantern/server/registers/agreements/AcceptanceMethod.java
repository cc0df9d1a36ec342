package org.lantern.server.registers.agreements;

/** How an agreement was accepted. */
public enum AcceptanceMethod {
    /** By the person, signed in to Lantern. */
    ONLINE("Online"),
    /** On a paper form, recorded by a member of staff. */
    PAPER("Paper form");

    private final String label;

    AcceptanceMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
