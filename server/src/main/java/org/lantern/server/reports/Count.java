package org.lantern.server.reports;

/**
 * A count as an anonymised report publishes it. Only a count that is safe to show carries its
 * value; a suppressed one carries nothing but what is printed, so no template, PDF or JSON built
 * from it can leak the number.
 *
 * @param value   the number, or null when it is not shown
 * @param display what is printed: the number, {@code <3}, or {@code withheld}
 * @param status  why it is shown or not
 */
public record Count(Long value, String display, Status status) {

    /** Why a count is shown as it is. */
    public enum Status {
        /** Shown as it is. */
        SHOWN,
        /** One or two: shown as {@code <3}, since so few could point at a person. */
        SMALL,
        /** Three or more, withheld so that a {@code <3} elsewhere cannot be worked out by subtraction. */
        WITHHELD
    }

    static Count shown(long value) {
        return new Count(value, Long.toString(value), Status.SHOWN);
    }

    static Count small() {
        return new Count(null, "<3", Status.SMALL);
    }

    static Count withheld() {
        return new Count(null, "withheld", Status.WITHHELD);
    }

    /** Whether the number itself is printed. */
    public boolean isShown() {
        return status == Status.SHOWN;
    }
}
