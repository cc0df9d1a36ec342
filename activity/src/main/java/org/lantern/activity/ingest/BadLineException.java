package org.lantern.activity.ingest;

/**
 * A line that is not a record, with the reason in words. Thrown for every bad line of a damaged
 * log, so it carries no stack trace: filling one in would cost more than parsing the line.
 */
public final class BadLineException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason why the line was refused, e.g. {@code "status is not a number"} */
    public BadLineException(String reason) {
        super(reason, null, false, false);
    }
}
