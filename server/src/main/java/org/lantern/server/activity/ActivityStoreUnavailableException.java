package org.lantern.server.activity;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.lantern.activity.store.NewerStoreException;
import org.lantern.activity.store.StoreInUseException;

/**
 * The server cannot open its activity store, and says what to do about it: a file a newer Lantern
 * wrote (this version must not change it), a store another Lantern process has open (two writers
 * could lose rows), or a file the server cannot read or write.
 */
class ActivityStoreUnavailableException extends RuntimeException {

    private final String action;

    ActivityStoreUnavailableException(Path file, RuntimeException cause) {
        super("The activity log " + file + " cannot be opened: " + reason(cause).getMessage(), cause);
        this.action = action(file, cause);
    }

    /** @return what the administrator should do, for the start-up failure report */
    String action() {
        return action;
    }

    /** The store's own exception: an {@link UncheckedIOException} carries the store's {@code IOException}. */
    private static Throwable reason(RuntimeException cause) {
        return cause instanceof UncheckedIOException && cause.getCause() != null ? cause.getCause() : cause;
    }

    private static String action(Path file, RuntimeException cause) {
        return switch (reason(cause)) {
            case NewerStoreException newer -> "Run the Lantern version that wrote it, or move " + file.getParent()
                    + " aside to start a new activity log here (keep it: that version can still read it).";
            case StoreInUseException inUse -> "Stop the other Lantern server or command using this data directory, "
                    + "or start this one with another --data-dir. To add a log to a running server, use "
                    + "'lantern activity import --server URL'.";
            default -> "Check that the account Lantern runs as can read and write " + file.getParent()
                    + " and that its disk has room, then start Lantern again.";
        };
    }
}
