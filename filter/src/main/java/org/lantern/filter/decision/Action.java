package org.lantern.filter.decision;

/**
 * What the proxy must do with a request. Ordered from least to most restrictive, so the most
 * restrictive of several outcomes is simply the one with the highest ordinal.
 */
public enum Action {
    /** Let the request through. */
    ALLOW,
    /**
     * Let the request through and keep it for review: it is allowed only because of a condition
     * (nominated users, a time window, a temporary unblock) the Designated Safeguarding Lead may
     * want to check.
     */
    ALLOW_AND_LOG,
    /** Refuse the request and show the block page. */
    BLOCK,
    /** Refuse the request and raise it to the Designated Safeguarding Lead at once. */
    BLOCK_AND_ALERT;

    /** @return whether the request may go ahead */
    public boolean allowed() {
        return this == ALLOW || this == ALLOW_AND_LOG;
    }
}
