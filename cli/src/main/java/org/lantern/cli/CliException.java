package org.lantern.cli;

/**
 * A command could not do its job, for a reason the person at the terminal can act on. The message
 * is one line saying what to do; it is printed alone on stderr, never with a stack trace.
 */
class CliException extends RuntimeException {

    /** Exit code of a command that could not run: 0 and 1 keep their command's own meanings. */
    static final int CANNOT_RUN = 2;

    private final int exitCode;

    CliException(String message) {
        this(message, CANNOT_RUN);
    }

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
