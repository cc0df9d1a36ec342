package org.lantern.server.audit;

import java.time.Instant;

/**
 * One entry of the {@link AuditChain}, as written.
 *
 * @param sequence       position in the chain, from 1 with no gaps
 * @param recordedAt     when it was written (UTC, millisecond precision)
 * @param actor          who did it
 * @param action         what was done
 * @param recordType     the kind of record
 * @param recordId       the record's id
 * @param detailJson     what changed, as JSON
 * @param previousDigest the digest of the entry before ({@link AuditChain#GENESIS} for the first)
 * @param digest         SHA-256 of the canonical serialisation of all the above
 */
public record AuditEntry(long sequence, Instant recordedAt, String actor, String action, String recordType,
                         String recordId, String detailJson, String previousDigest, String digest) {
}
