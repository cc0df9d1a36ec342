package org.lantern.server.incidents;

/**
 * The user may read the record but may not change its case: only the DSL's team and the case's
 * owner may. Nothing was changed; the attempt is in the audit chain.
 */
public class CaseChangeRefusedException extends RuntimeException {

    CaseChangeRefusedException(long incidentId) {
        super("Only the DSL, a deputy DSL or the case's owner may change case " + incidentId + ".");
    }
}
