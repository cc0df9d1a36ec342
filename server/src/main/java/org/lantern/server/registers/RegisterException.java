package org.lantern.server.registers;

import java.util.List;

/** A change to a register refused, with every reason in words the user can act on; nothing was changed. */
public class RegisterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;
    private final boolean conflict;

    public RegisterException(List<String> problems, boolean conflict) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    public static RegisterException of(String problem) {
        return new RegisterException(List.of(problem), false);
    }

    /** Refused because of what is already recorded (the same completion twice, a second approval), not because of what was sent. */
    public static RegisterException conflict(String problem) {
        return new RegisterException(List.of(problem), true);
    }

    /** Refuses when there is anything in {@code problems}. */
    public static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new RegisterException(problems, false);
        }
    }

    public List<String> problems() {
        return problems;
    }

    /** Whether the request clashed with what is recorded (409) rather than being malformed (400). */
    public boolean conflict() {
        return conflict;
    }
}
