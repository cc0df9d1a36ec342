package org.lantern.server.activity;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The server cannot open its activity store, and says what to do about it: a file a newer Lantern
 * wrote (this version must not change it), a store another Lantern process has open (two writers
 * could lose rows), or a file the server cannot read or write.
 */
class ActivityStoreUnavailableException extends RuntimeException {

    private final String action;

    ActivityStoreUnavailableException(Path file, RuntimeException cause) {
        super("The activity log " + file + " cannot be opened: " + reason(cause), cause);
        this.action = action(file, cause);
    }

    /** @return what the administrator should do, for the start-up failure report */
    String action() {
        return action;
    }

    private static String reason(RuntimeException cause) {
        Throwable why = cause instanceof UncheckedIOException && cause.getCause() != null ? cause.getCause() : cause;
        return why.getMessage();
    }

    private static String action(Path file, RuntimeException cause) {
        String message = String.valueOf(reason(cause));
        if (message.contains("newer Lantern")) {
            return "Run the Lantern version that wrote it, or move " + file.getParent()
                    + " aside to start a new activity log here (keep it: that version can still read it).";
        }
        if (message.contains("in use by another Lantern process")) {
            return "Stop the other Lantern server or command using this data directory, or start this one with "
                    + "another --data-dir. To add a log to a running server, use 'lantern activity import --server URL'.";
        }
        return "Check that the account Lantern runs as can read and write " + file.getParent()
                + " and that its disk has room, then start Lantern again.";
    }
}
