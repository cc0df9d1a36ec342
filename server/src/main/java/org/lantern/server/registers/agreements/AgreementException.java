package org.lantern.server.registers.agreements;

import java.util.List;

/** A change to the agreements register refused, with every reason in words the user can act on; nothing was changed. */
public class AgreementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;
    private final boolean conflict;

    AgreementException(List<String> problems, boolean conflict) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    static AgreementException of(String problem) {
        return new AgreementException(List.of(problem), false);
    }

    /** Refused because of what is already recorded (accepting twice), not because of what was sent. */
    static AgreementException conflict(String problem) {
        return new AgreementException(List.of(problem), true);
    }

    public List<String> problems() {
        return problems;
    }

    /** Whether the request clashed with what is recorded (409) rather than being malformed (400). */
    public boolean conflict() {
        return conflict;
    }
}
