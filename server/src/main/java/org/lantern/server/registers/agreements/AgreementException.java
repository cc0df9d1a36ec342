package org.lantern.server.registers.agreements;

import java.util.List;

import org.lantern.server.registers.RegisterException;

/**
 * A change to the agreements register refused, with every reason in words the user can act on; nothing was changed.
 * A {@link RegisterException}, so the registers' API answers it as every register does.
 */
public class AgreementException extends RegisterException {

    private static final long serialVersionUID = 1L;

    AgreementException(List<String> problems, boolean conflict) {
        super(problems, conflict);
    }

    public static AgreementException of(String problem) {
        return new AgreementException(List.of(problem), false);
    }

    /** Refused because of what is already recorded (accepting twice), not because of what was sent. */
    public static AgreementException conflict(String problem) {
        return new AgreementException(List.of(problem), true);
    }
}
