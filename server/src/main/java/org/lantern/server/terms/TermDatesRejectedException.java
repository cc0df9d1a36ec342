package org.lantern.server.terms;

import java.util.List;

/**
 * What was typed for a term, a closure or the school's days and hours cannot be kept; each problem
 * says what to correct. Nothing was saved.
 */
public class TermDatesRejectedException extends RuntimeException {

    private final List<String> problems;

    public TermDatesRejectedException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, in the order of the form's fields. */
    public List<String> problems() {
        return problems;
    }
}
