package org.lantern.server.people;

/** A network identity was refused: malformed, or already someone else's. Nothing changed. */
public class InvalidNetworkIdentityException extends RuntimeException {

    public InvalidNetworkIdentityException(String message) {
        super(message);
    }
}
