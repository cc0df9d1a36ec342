package org.lantern.server.monitoring.library;

import java.util.List;

/**
 * A library change that was refused, with every reason in words the DSL can act on (for an import,
 * one per bad line, each starting with its line number); nothing of it was applied.
 */
public class LibraryRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    LibraryRejectedException(String problem) {
        this(List.of(problem));
    }

    LibraryRejectedException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return each reason, in order */
    public List<String> problems() {
        return problems;
    }
}
