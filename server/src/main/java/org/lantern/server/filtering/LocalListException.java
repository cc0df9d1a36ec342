package org.lantern.server.filtering;

/** A local-list change that was refused, with a message fit to show the person who tried it. */
public class LocalListException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, in plain words */
    public LocalListException(String message) {
        super(message);
    }
}
