package org.lantern.server.unblocking;

import java.time.Instant;

/**
 * One row of the append-only audit of unblock requests.
 *
 * @param id        event number
 * @param requestId the request it is about
 * @param action    what happened
 * @param actor     username of whoever did it ({@code lantern} for the expiry job)
 * @param at        when
 * @param reason    the reason given for this step
 */
public record UnblockEvent(long id, long requestId, UnblockAction action, String actor, Instant at, String reason) {
}
