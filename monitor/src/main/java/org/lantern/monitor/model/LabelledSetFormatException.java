package org.lantern.monitor.model;

import java.util.List;

/** A labelled set that cannot be read, with every bad line listed; none of it is used. */
public final class LabelledSetFormatException extends Exception {

    private final List<String> errors;

    /** @param errors one message per problem, each naming its line */
    public LabelledSetFormatException(List<String> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + ", nothing read: "
                + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** @return one message per problem */
    public List<String> errors() {
        return errors;
    }
}
