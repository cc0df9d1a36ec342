package org.lantern.server.alerts;

/**
 * Why an alert was raised. The first two come from {@code BLOCK_AND_ALERT} decisions, which the
 * filter makes only for what the policy calls "Unacceptable and illegal"; the seed's illegal-
 * incident guidance then applies (do not open or pass on the address; refer to the police). The
 * last two come from the safeguarding monitor, which reads what pupils search for and type.
 */
public enum AlertKind {
    /** The address is on an illegal-content list (IWF / CTIRU style). */
    ILLEGAL_CONTENT("Illegal content", true),
    /** A category or User Actions row the policy marks "Unacceptable and illegal". */
    ILLEGAL_ACTIVITY("Unacceptable and illegal activity", true),
    /** One person kept trying to get round the filter. */
    PERSISTENT_BYPASS("Persistent attempts to get round the filter", false),
    /** A search, address or typed message matched a risk phrase at or above the age band's threshold. */
    SAFEGUARDING_RISK("Safeguarding risk", false),
    /** The same, for the monitor's illegal category (child-abuse terms): its words are masked. */
    SAFEGUARDING_ILLEGAL("Safeguarding risk: possible illegal content", true);

    private final String label;
    private final boolean illegal;

    AlertKind(String label, boolean illegal) {
        this.label = label;
        this.illegal = illegal;
    }

    /** What the pages and the email call it. */
    public String label() {
        return label;
    }

    /** Whether the address may be evidence of a crime, so it must never be shown as a link. */
    public boolean illegal() {
        return illegal;
    }
}
