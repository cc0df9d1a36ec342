package org.lantern.server.unblocking;

import java.util.List;

/** A request or decision was not accepted; nothing was stored. Each error is a sentence for the user. */
public class UnblockRejectedException extends RuntimeException {

    private final List<String> errors;

    public UnblockRejectedException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public UnblockRejectedException(String error) {
        this(List.of(error));
    }

    public List<String> errors() {
        return errors;
    }
}
