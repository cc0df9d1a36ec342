package org.lantern.server.alerts;

/** A change to an alert that was refused, saying why in words the user can act on; nothing was changed. */
public class AlertRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AlertRejectedException(String message) {
        super(message);
    }
}
