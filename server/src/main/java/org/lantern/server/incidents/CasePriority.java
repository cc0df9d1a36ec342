package org.lantern.server.incidents;

import java.util.Optional;

/**
 * How soon a case needs the DSL's team. Until someone chooses one, a case takes its record's
 * default ({@link #defaultFor}), so a record moved between the files takes the other file's default.
 */
public enum CasePriority {
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High"),
    URGENT("Urgent");

    private final String label;

    CasePriority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The priority a record has until someone chooses one: suspected illegal material is urgent
     * (the police must be told), a child-protection record (every pupil's own report is one) is
     * high, anything else medium.
     */
    public static CasePriority defaultFor(Incident incident) {
        if (incident.illegalPath()) {
            return URGENT;
        }
        return incident.recordKind() == RecordKind.CHILD_PROTECTION ? HIGH : MEDIUM;
    }

    /** Reads an enum name in any case; empty for anything else. */
    public static Optional<CasePriority> parse(String text) {
        return Cases.parse(CasePriority.class, text);
    }
}
