package org.lantern.server.people;

/** A restore of suspended internet access that cannot be made, with the reason a page can show; nothing changed. */
public class AccessRestoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AccessRestoreException(String message) {
        super(message);
    }
}
