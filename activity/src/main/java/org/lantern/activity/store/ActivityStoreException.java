package org.lantern.activity.store;

/**
 * The activity store could not do what was asked (a full disk, a damaged file), with a message
 * that says what was left behind, so a shipper knows whether to resend.
 */
public final class ActivityStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ActivityStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
