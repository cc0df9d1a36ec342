package org.lantern.monitor.library;

import java.util.List;

/**
 * A library file that cannot be loaded, with every bad line listed (not just the first), so the
 * DSL fixes a spreadsheet in one go. Nothing of such a file is ever applied.
 */
public final class LibraryFormatException extends Exception {

    private final List<String> errors;

    /** @param errors one message per problem, each starting with its line number */
    public LibraryFormatException(List<String> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + ", nothing loaded: "
                + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** @return one message per problem, each starting with "line N:" */
    public List<String> errors() {
        return errors;
    }
}
