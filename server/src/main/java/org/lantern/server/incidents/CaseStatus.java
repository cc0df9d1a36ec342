package org.lantern.server.incidents;

import java.util.Optional;

/**
 * Where a case stands. A case is closed only with its outcome, and reopened only with a reason,
 * so the record always says why it ended and why it did not stay ended.
 */
public enum CaseStatus {
    /** Being worked: actions to do, a decision to make. */
    OPEN("Open"),
    /** Nothing to do now, but the DSL's team is watching (a review date says when to look again). */
    MONITORING("Monitoring"),
    /** Finished, with its outcome. */
    CLOSED("Closed");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    /** As shown on pages, e.g. "Monitoring". */
    public String label() {
        return label;
    }

    /** Reads an enum name in any case; empty for anything else. */
    public static Optional<CaseStatus> parse(String text) {
        return Cases.parse(CaseStatus.class, text);
    }
}
