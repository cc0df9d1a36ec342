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
    BAD_CODE,
    /** Refused before looking at the account: too many recent failures from the same address. */
    SOURCE_THROTTLED;

    /** Whether this outcome counts towards the account's throttling and lockout. */
    boolean isCountedFailure() {
        return this == BAD_PASSWORD || this == BAD_CODE;
    }

    /**
     * Whether this outcome counts against the address it came from: every refusal that cost a
     * password check, so that an address cannot make the server hash passwords without limit by
     * naming locked or unknown accounts. Refusals by address are left out, or an address would
     * never come out of its wait.
     */
    boolean isSourceFailure() {
        return this != SUCCESS && this != SECOND_FACTOR_REQUIRED && this != SOURCE_THROTTLED;
    }
}
