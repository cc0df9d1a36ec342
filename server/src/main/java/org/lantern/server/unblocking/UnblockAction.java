package org.lantern.server.unblocking;

/** One audited step in the life of an unblock request, as recorded in {@code unblock_event}. */
public enum UnblockAction {
    REQUESTED("Unblock requested"),
    /** Refused without an approver because the address is on an illegal-content list. */
    REFUSED_ILLEGAL("Unblock refused: illegal content"),
    GRANTED("Unblock granted"),
    REFUSED("Unblock refused"),
    WITHDRAWN("Unblock withdrawn"),
    EXPIRED("Unblock ended");

    private final String label;

    UnblockAction(String label) {
        this.label = label;
    }

    /** What the change-control log calls the step. */
    public String label() {
        return label;
    }
}
