package org.lantern.server.incidents;

/** An action that is already done or waived was asked to be completed or waived again; nothing changed. */
public class ActionClosedException extends RuntimeException {

    ActionClosedException(long actionId, ActionStatus status) {
        super("Action " + actionId + " is already "
                + (status == ActionStatus.NOT_REFERRED ? "closed (decided not to refer)" : status.name().toLowerCase(java.util.Locale.ROOT))
                + "; nothing was changed.");
    }
}
