package org.lantern.server.policy;

import java.util.List;

/**
 * A proposed policy change that was refused; the policy in force is unchanged. Each error is a
 * sentence for the person who proposed it (YAML problems name their line).
 */
public class PolicyChangeRejectedException extends RuntimeException {

    private final transient List<String> errors;

    /** A rejection for these reasons (at least one). */
    public PolicyChangeRejectedException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** Why the change was refused. */
    public List<String> errors() {
        return errors;
    }
}
