package org.lantern.server.incidents;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lantern.policy.PolicyDocument;
import org.lantern.policy.Sanctions;
import org.lantern.server.people.PersonKind;

/** Whom an incident is about; each has its own Actions / Sanctions table in the school's policy. */
public enum SubjectType {
    PUPIL("Pupil", PersonKind.PUPIL), STAFF("Staff", PersonKind.STAFF);

    private final String label;
    private final PersonKind kind;

    SubjectType(String label, PersonKind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    /** The kind of person an incident of this type may name. */
    public PersonKind kind() {
        return kind;
    }

    /** This subject type's table in the policy; empty if the school publishes none. */
    Sanctions.Table table(PolicyDocument policy) {
        Sanctions.Table table = policy.sanctions() == null ? null
                : this == PUPIL ? policy.sanctions().pupil() : policy.sanctions().staff();
        return table == null ? new Sanctions.Table(List.of(), List.of()) : table;
    }

    /** Reads {@code pupil} or {@code staff}, in any case. */
    public static Optional<SubjectType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "pupil" -> Optional.of(PUPIL);
            case "staff" -> Optional.of(STAFF);
            default -> Optional.empty();
        };
    }

    /** The subject type for a person of this kind, if incidents can be about them. */
    static Optional<SubjectType> of(PersonKind kind) {
        return kind == PersonKind.PUPIL ? Optional.of(PUPIL) : kind == PersonKind.STAFF ? Optional.of(STAFF) : Optional.empty();
    }
}
