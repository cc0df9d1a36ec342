package org.lantern.filter.decision;

/**
 * Which step of the decision procedure settled a {@link Decision}, in the order the engine tries
 * them, so an auditor can see why one rule beat another.
 */
public enum Rule {
    /** The URL is on an illegal-content list (IWF / CTIRU style); nothing overrides it. */
    ILLEGAL_LIST,
    /** A category list matched that the policy marks {@code illegal: true}; nothing overrides it. */
    ILLEGAL_CATEGORY,
    /** The person's internet access has been removed (a leaver or a sanction). */
    ACCESS_REMOVED,
    /**
     * The school's network gate holds the person's requests until they accept the acceptable-use
     * agreement in force: the browser is sent to the agreement page instead.
     */
    AGREEMENT_REQUIRED,
    /** A temporary unblock approved by a member of staff applies. */
    UNBLOCK_EXCEPTION,
    /** The school's local allow list matched. */
    LOCAL_ALLOW,
    /** The school's local block list matched. */
    LOCAL_BLOCK,
    /** A User Actions row of the policy decided, through the categories it names. */
    POLICY,
    /** The host is a raw IP address, which the settings block or log as a filter-bypass route. */
    RAW_IP,
    /** Lists matched, but the policy says nothing about any of their categories. */
    UNREGULATED,
    /** No list matched. */
    NO_MATCH
}
