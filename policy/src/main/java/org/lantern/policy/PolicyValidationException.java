package org.lantern.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a policy document is not valid: malformed YAML, a schema violation or a broken
 * reference. Carries every problem found, each with its line, so a rejected change can be fixed in
 * one go.
 */
public class PolicyValidationException extends RuntimeException {

    private final transient List<PolicyError> errors;

    /** An exception listing these problems (at least one). */
    public PolicyValidationException(List<PolicyError> errors) {
        super(errors.stream().map(PolicyError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** The problems, in document order. */
    public List<PolicyError> errors() {
        return errors;
    }
}
