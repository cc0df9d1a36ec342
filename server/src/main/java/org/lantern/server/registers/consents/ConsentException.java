package org.lantern.server.registers.consents;

import java.util.List;

import org.lantern.server.registers.RegisterException;

/**
 * A change to the consent register refused, with every reason in words the user can act on; nothing was changed.
 * A {@link RegisterException}, so the registers' API answers it as every register does.
 */
public class ConsentException extends RegisterException {

    private static final long serialVersionUID = 1L;

    ConsentException(List<String> problems, boolean conflict) {
        super(problems, conflict);
    }

    public static ConsentException of(String problem) {
        return new ConsentException(List.of(problem), false);
    }

    /** Refused because of what is already recorded (a consent withdrawn twice), not because of what was sent. */
    public static ConsentException conflict(String problem) {
        return new ConsentException(List.of(problem), true);
    }
}
