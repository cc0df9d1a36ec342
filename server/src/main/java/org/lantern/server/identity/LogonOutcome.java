package org.lantern.server.identity;

/** What happened to one logon attempt, as recorded in the logon audit. */
public enum LogonOutcome {
    /** Fully signed in (after the second factor, where one is needed). */
    SUCCESS,
    /** The password was right; a two-factor code or enrolment is still needed. */
    SECOND_FACTOR_REQUIRED,
    /** The account exists but the password was wrong. */
    BAD_PASSWORD,
    /** No account has this username. */
    UNKNOWN_USER,
    /** The account is disabled. */
    DISABLED,
    /** The account is locked after repeated failures. */
    LOCKED,
    /** Refused before checking the password: too soon after a failure, or too many this hour. */
    THROTTLED,
    /** The password was right but the two-factor or recovery code was not. */
    BAD_CODE;

    /** Whether this outcome counts towards throttling and lockout. */
    boolean isCountedFailure() {
        return this == BAD_PASSWORD || this == BAD_CODE;
    }
}
