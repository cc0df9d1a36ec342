package org.lantern.server.registers.consents;

import java.util.List;

/** A change to the consent register refused, with every reason in words the user can act on; nothing was changed. */
public class ConsentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;
    private final boolean conflict;

    ConsentException(List<String> problems, boolean conflict) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    static ConsentException of(String problem) {
        return new ConsentException(List.of(problem), false);
    }

    /** Refused because of what is already recorded (a consent withdrawn twice), not because of what was sent. */
    static ConsentException conflict(String problem) {
        return new ConsentException(List.of(problem), true);
    }

    public List<String> problems() {
        return problems;
    }

    /** Whether the request clashed with what is recorded (409) rather than being malformed (400). */
    public boolean conflict() {
        return conflict;
    }
}
