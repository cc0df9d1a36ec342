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

    /** What the innermost cause of {@code failure} said, in one line: the words nearest the problem. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage().lines().findFirst().orElse("");
    }
}
