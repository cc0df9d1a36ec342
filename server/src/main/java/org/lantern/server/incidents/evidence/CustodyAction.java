package org.lantern.server.incidents.evidence;

/** A step in an evidence item's chain of custody. */
public enum CustodyAction {
    /** Added to the incident. */
    ADDED("Added"),
    /** Opened: its details and custody log shown. */
    VIEWED("Viewed"),
    /** Its file downloaded after its digest was checked. */
    DOWNLOADED("Downloaded"),
    /** Included in an export of the incident's evidence. */
    EXPORTED("Exported"),
    /** A download or export refused because the stored bytes no longer match the digest. */
    TAMPERING_DETECTED("Refused: digest mismatch");

    private final String label;

    CustodyAction(String label) {
        this.label = label;
    }

    /** The words people see in the custody log. */
    public String label() {
        return label;
    }
}
