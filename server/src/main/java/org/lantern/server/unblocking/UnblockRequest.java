package org.lantern.server.unblocking;

import java.time.Instant;
import java.util.List;

import org.lantern.filter.decision.UnblockException.Scope;

/**
 * An unblock request as stored: what, for whom, why, for how long, who asked and who decided.
 *
 * @param id             request number
 * @param target         normalised host ({@link Scope#DOMAIN}) or {@code host/path} prefix
 * @param scope          what {@code target} names
 * @param groupIds       policy groups covered
 * @param personIds      named people covered (directory ids)
 * @param reason         the requester's reason
 * @param from           start (inclusive)
 * @param until          end (exclusive)
 * @param requestedBy    username of the requester
 * @param requestedAt    when it was asked for
 * @param status         where it stands
 * @param decidedBy      who granted, refused, withdrew or ended it; null while pending
 * @param decidedAt      when; null while pending
 * @param decisionReason the decider's reason; null while pending
 */
public record UnblockRequest(long id, String target, Scope scope, List<String> groupIds, List<Long> personIds,
                             String reason, Instant from, Instant until, String requestedBy, Instant requestedAt,
                             UnblockStatus status, String decidedBy, Instant decidedAt, String decisionReason) {

    /** Copies the lists. */
    public UnblockRequest {
        groupIds = List.copyOf(groupIds);
        personIds = List.copyOf(personIds);
    }

    /** The target as people read it: a whole site, or an address and everything below it. */
    public String describeTarget() {
        return scope == Scope.DOMAIN ? target + " (whole site)" : target + " (this address and below)";
    }
}
