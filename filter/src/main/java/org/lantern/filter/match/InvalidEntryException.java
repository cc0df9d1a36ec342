package org.lantern.filter.match;

/**
 * A list entry that cannot be used (bad host, uncompilable pattern); loaders count and skip it
 * rather than fail the whole list, because real lists always contain some junk.
 */
public final class InvalidEntryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message why the entry was rejected */
    public InvalidEntryException(String message) {
        super(message);
    }
}
