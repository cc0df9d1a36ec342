package org.lantern.server.incidents;

import java.util.Locale;
import java.util.Optional;

/**
 * Which file a record belongs in. Child-protection records are kept apart from behaviour records,
 * as KCSIE expects: they are listed separately and only the DSL and deputies
 * ({@link org.lantern.server.identity.Permission#CHILD_PROTECTION_READ}) may read them, whoever
 * recorded them.
 */
public enum RecordKind {
    /** A behaviour or online-safety record, read by its recorder and by INCIDENT_READ_ALL. */
    BEHAVIOUR("Behaviour / online safety"),
    /** A child-protection (safeguarding) record, read only by the DSL and deputies. */
    CHILD_PROTECTION("Child protection");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads an enum name or {@code behaviour} / {@code child-protection}, in any case. */
    public static Optional<RecordKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RecordKind kind : values()) {
            if (kind.name().equals(t)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
