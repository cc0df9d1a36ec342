package org.lantern.server.incidents.evidence;

/**
 * The stored bytes of an evidence item no longer match the SHA-256 taken when it was added: it was
 * changed outside Lantern. It is not served; the refusal is in the custody log and the audit chain.
 */
public class EvidenceTamperedException extends RuntimeException {

    EvidenceTamperedException(long evidenceId) {
        super("Evidence " + evidenceId + " no longer matches the SHA-256 digest recorded when it was added, so it "
                + "may have been tampered with. It was not served. The refusal is recorded in its custody log and "
                + "the audit chain; tell the DSL and your data protection officer.");
    }
}
