package org.lantern.server.registers.review;

import java.util.List;

import org.lantern.server.registers.RegisterException;

/**
 * A review refused: every reason, in words for the person who asked. {@code conflict} when the
 * request was sound but the review's state forbids it (already signed, a review still open).
 * A {@link RegisterException}, so the registers' API answers it as every register does.
 */
public class ReviewException extends RegisterException {

    private static final long serialVersionUID = 1L;

    ReviewException(List<String> problems, boolean conflict) {
        super(problems, conflict);
    }

    ReviewException(String problem, boolean conflict) {
        this(List.of(problem), conflict);
    }
}
