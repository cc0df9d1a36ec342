package org.lantern.server.monitoring.library;

/** A phrase or library asked for that is not there: answered as any missing record is (404). */
public class LibraryNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LibraryNotFoundException(String message) {
        super(message);
    }
}
