package org.lantern.policy;

/**
 * What the school's policy says about safeguarding monitoring, beyond what the monitor's phrase
 * libraries hold: whether what pupils type into web pages is read, and who pupils and parents are
 * told to ask about it. It is part of the policy (not a server setting) because reading typed text
 * is a decision the school makes and publishes, changed by the DSL or network manager like any
 * other rule, with a reason and a new version; the public "What Lantern monitors" page shows it.
 *
 * @param typedText         whether form posts and JSON bodies pupils send are scanned (needs TLS
 *                          inspection, as the proxy sees nothing inside an encrypted connection);
 *                          null is off
 * @param typedTextMaxBytes how much of each body is read, 1 to {@link #MAX_TYPED_TEXT_BYTES};
 *                          null is the most
 * @param dslName           the Designated Safeguarding Lead's name as the school publishes it, if it does
 * @param contact           how to ask about monitoring or for a copy of one's data (an address, an
 *                          office), if the school gives one
 */
public record Monitoring(Boolean typedText, Integer typedTextMaxBytes, String dslName, String contact) {

    /** The most of a body the ICAP server can be sent as a preview (64 KB). */
    public static final int MAX_TYPED_TEXT_BYTES = 65_536;

    /** A policy that says nothing of monitoring: typed text is not read. */
    public static final Monitoring DEFAULT = new Monitoring(false, MAX_TYPED_TEXT_BYTES, null, null);

    /** Fills in the defaults: typed text off, the most of each body when on. */
    public Monitoring {
        typedText = typedText != null && typedText;
        typedTextMaxBytes = typedTextMaxBytes == null ? MAX_TYPED_TEXT_BYTES : typedTextMaxBytes;
    }

    /** How many bytes of each request body the monitor reads: 0 when typed text is not read. */
    public int typedTextBytes() {
        return typedText ? typedTextMaxBytes : 0;
    }
}
