package org.lantern.server.people;

/**
 * Internet access cannot be granted the ordinary way while an incident's sanction suspends it:
 * only someone allowed to restore it can, with a reason ({@link AccessSuspensions#restore}).
 */
public class AccessSuspendedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AccessSuspendedException(long incidentId) {
        super("Internet access is suspended after incident " + incidentId + ". Only "
                + AccessSuspensions.whoMayRestore() + " may restore it, with a reason.");
    }
}
