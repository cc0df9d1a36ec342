package org.lantern.server.incidents;

/**
 * No such incident or action, or one the user may not see: the two are deliberately
 * indistinguishable, so a 404 never confirms that a record exists.
 */
public class IncidentNotFoundException extends RuntimeException {

    IncidentNotFoundException(long id) {
        super("There is no incident " + id + " that you can see.");
    }
}
