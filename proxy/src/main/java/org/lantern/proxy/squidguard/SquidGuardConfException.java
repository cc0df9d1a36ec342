package org.lantern.proxy.squidguard;

/**
 * A squidGuard.conf that cannot be enforced as written. The message names the file, line and
 * column and what was expected, so a network manager can fix the config before any request is
 * judged by a policy that is not the one they wrote.
 */
public final class SquidGuardConfException extends Exception {

    private final int line;
    private final int column;

    /**
     * @param source the file name or description, for the message
     * @param line 1-based line, or 0 when the problem is not at one place
     * @param column 1-based column, or 0
     * @param problem what is wrong and what was expected
     */
    public SquidGuardConfException(String source, int line, int column, String problem) {
        super(line > 0 ? source + ":" + line + ":" + column + ": " + problem : source + ": " + problem);
        this.line = line;
        this.column = column;
    }

    /** @return the 1-based line, or 0 when the problem is not at one place */
    public int line() {
        return line;
    }

    /** @return the 1-based column, or 0 */
    public int column() {
        return column;
    }
}
