package org.lantern.server.incidents.evidence;

/**
 * No such incident or evidence item, or one the user may not see: deliberately the same answer,
 * so a 404 never confirms that a record exists.
 */
public class EvidenceNotFoundException extends RuntimeException {

    EvidenceNotFoundException() {
        super("There is no such evidence that you can see.");
    }
}
