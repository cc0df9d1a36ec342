package org.lantern.server.registers.agreements;

import java.util.Locale;
import java.util.Optional;

/** What a new version of an agreement changes, which decides who must sign again. */
public enum ChangeKind {
    /** The first version of an audience's agreement: everyone signs. */
    FIRST("First version"),
    /** A change of substance: everyone signs again. */
    MATERIAL("Material change: everyone signs again"),
    /** A correction (spelling, a name, a link): acceptances of earlier versions still count. */
    CORRECTION("Correction: nobody signs again");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether acceptances of earlier versions stop counting when this version is published. */
    public boolean needsSigning() {
        return this != CORRECTION;
    }

    /** Reads the kind of a new version as a form or the API sends it; FIRST is never chosen. */
    public static Optional<ChangeKind> parseNew(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "MATERIAL" -> Optional.of(MATERIAL);
            case "CORRECTION" -> Optional.of(CORRECTION);
            default -> Optional.empty();
        };
    }
}
