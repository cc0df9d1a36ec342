package org.lantern.monitor.eval;

import java.util.List;

/** An evaluation set that cannot be read, with every bad line listed; none of it is scored. */
public final class EvalSetFormatException extends Exception {

    private final List<String> errors;

    /** @param errors one message per problem, each naming its line */
    public EvalSetFormatException(List<String> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + ", nothing scored: "
                + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** @return one message per problem */
    public List<String> errors() {
        return errors;
    }
}
