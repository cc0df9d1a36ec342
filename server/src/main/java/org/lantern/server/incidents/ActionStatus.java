package org.lantern.server.incidents;

/**
 * Where a tracked action stands. Only an OPEN action can be closed: done, waived, or (for a
 * referral) a recorded decision not to refer, which KCSIE expects to be kept with its reason and
 * is therefore not the same as waiving.
 */
public enum ActionStatus {
    OPEN("Open", null, null),
    DONE("Done", "complete", "incident.action.completed"),
    WAIVED("Waived", "waive", "incident.action.waived"),
    NOT_REFERRED("Decided not to refer", "not-refer", "incident.action.not-referred");

    private final String label;
    private final String verb;
    private final String auditAction;

    ActionStatus(String label, String verb, String auditAction) {
        this.label = label;
        this.verb = verb;
        this.auditAction = auditAction;
    }

    /** As shown on pages, e.g. "Decided not to refer". */
    public String label() {
        return label;
    }

    /** What closing an action this way is called in a refusal, e.g. {@code waive} in {@code incident.action.waive-refused}. */
    String verb() {
        return verb;
    }

    /** The audit chain's name for closing an action this way. */
    String auditAction() {
        return auditAction;
    }
}
