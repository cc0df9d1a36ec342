package org.lantern.server.audit;

import java.util.Optional;

/**
 * The result of walking the {@link AuditChain}: intact, or the first broken entry and why.
 *
 * @param intact       whether every entry checked out
 * @param count        how many entries were good before the first break (all of them when intact)
 * @param latestDigest the digest of the last good entry
 * @param brokenAt     the sequence number of the first broken entry
 * @param problem      why it is broken: digest mismatch, missing sequence or previous-digest mismatch
 */
public record Verification(boolean intact, long count, String latestDigest, Optional<Long> brokenAt,
                           Optional<String> problem) {

    static Verification broken(long good, long at, String problem) {
        return new Verification(false, good, null, Optional.of(at), Optional.of(problem));
    }
}
