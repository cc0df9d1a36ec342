package org.lantern.server.registers.review;

import java.util.List;

/**
 * A review refused: every reason, in words for the person who asked. {@code conflict} when the
 * request was sound but the review's state forbids it (already signed, a review still open).
 */
public class ReviewException extends RuntimeException {

    private final transient List<String> problems;
    private final boolean conflict;

    ReviewException(List<String> problems, boolean conflict) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    ReviewException(String problem, boolean conflict) {
        this(List.of(problem), conflict);
    }

    /** @return every reason, one a line */
    public List<String> problems() {
        return problems;
    }

    /** @return whether the review's state forbids it (HTTP 409) rather than the input (400) */
    public boolean conflict() {
        return conflict;
    }
}
