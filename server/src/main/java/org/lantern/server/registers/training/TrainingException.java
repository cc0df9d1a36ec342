package org.lantern.server.registers.training;

import java.util.List;

/** A change to the training register refused, with every reason in words the user can act on; nothing was changed. */
public class TrainingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;
    private final boolean conflict;

    TrainingException(List<String> problems, boolean conflict) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    static TrainingException of(String problem) {
        return new TrainingException(List.of(problem), false);
    }

    /** Refused because of what is already recorded (the same completion twice), not because of what was sent. */
    static TrainingException conflict(String problem) {
        return new TrainingException(List.of(problem), true);
    }

    /** Refuses when there is anything in {@code problems}. */
    static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new TrainingException(problems, false);
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
