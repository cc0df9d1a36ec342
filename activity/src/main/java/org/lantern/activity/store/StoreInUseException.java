package org.lantern.activity.store;

import java.io.IOException;

/**
 * The store's file is open in another store, in this process or another: a store is one
 * process's at a time, since two writers on one file can lose acknowledged rows.
 */
public final class StoreInUseException extends IOException {

    StoreInUseException(String message) {
        super(message);
    }
}
