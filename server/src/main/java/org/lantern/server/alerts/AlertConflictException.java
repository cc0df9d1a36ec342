package org.lantern.server.alerts;

/**
 * A change refused because of where the alert already is (closed, say, perhaps by someone else a
 * moment before), not because of what was typed; nothing was changed.
 */
public class AlertConflictException extends AlertRejectedException {

    private static final long serialVersionUID = 1L;

    AlertConflictException(String message) {
        super(message);
    }
}
