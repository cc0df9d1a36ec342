package org.lantern.server.people;

import java.util.Locale;
import java.util.Optional;

import org.lantern.policy.GroupKind;

/** What a person is to the school; filtering, monitoring and the register treat each kind differently. */
public enum PersonKind {
    PUPIL("Pupil"), STAFF("Staff"), GOVERNOR("Governor"), VISITOR("Visitor");

    private final String label;

    PersonKind(String label) {
        this.label = label;
    }

    /** The word a school uses, e.g. "Pupil". */
    public String label() {
        return label;
    }

    /**
     * The kind of policy group this person can belong to. Governors are not staff, so they are
     * judged with visitors and get the least access.
     */
    public GroupKind policyGroupKind() {
        return switch (this) {
            case PUPIL -> GroupKind.PUPIL;
            case STAFF -> GroupKind.STAFF;
            case GOVERNOR, VISITOR -> GroupKind.VISITOR;
        };
    }

    /** Reads the kind as MIS exports and API callers spell it ("Pupil", "student", "staff"...). */
    public static Optional<PersonKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "pupil", "student" -> Optional.of(PUPIL);
            case "staff", "employee", "teacher" -> Optional.of(STAFF);
            case "governor" -> Optional.of(GOVERNOR);
            case "visitor", "guest" -> Optional.of(VISITOR);
            default -> Optional.empty();
        };
    }
}
