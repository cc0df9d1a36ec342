package org.lantern.server.monitoring;

import java.nio.file.Path;

/**
 * The lexicons directory a school set ({@code lantern.monitor.lexicons-dir}) cannot be imported:
 * missing, unreadable or malformed. The server does not start, and says what to do.
 */
class LexiconsUnavailableException extends IllegalStateException {

    private final transient Path dir;

    LexiconsUnavailableException(Path dir, Exception cause) {
        super("The monitoring lexicons in " + dir + " (lantern.monitor.lexicons-dir) cannot be imported: "
                + cause.getMessage(), cause);
        this.dir = dir;
    }

    /** @return what the administrator can do about it */
    String action() {
        return "Put the Suicide Risk Lexicon (suicide-risk-lexicon-v1.0.csv) and/or LDNOOBW (ldnoobw/en, fr...) in "
                + dir + ", or unset LANTERN_MONITOR_LEXICONSDIR to monitor with Lantern's curated libraries alone.";
    }
}
