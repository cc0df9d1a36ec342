package org.lantern.server.retention;

/** A retention decision or hold that cannot be made, in plain words; nothing was changed. */
public class RetentionRejectedException extends RuntimeException {

    RetentionRejectedException(String message) {
        super(message);
    }
}
