package org.lantern.server.alerts;

/** Asked for an alert that does not exist. */
public class AlertNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AlertNotFoundException(long id) {
        super("There is no alert " + id + ".");
    }
}
