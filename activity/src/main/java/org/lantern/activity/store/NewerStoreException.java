package org.lantern.activity.store;

/**
 * The store's file was written by a newer Lantern, whose layout this version cannot read or
 * write; the file is left exactly as it was.
 */
public final class NewerStoreException extends IllegalStateException {

    NewerStoreException(String message) {
        super(message);
    }
}
