package org.lantern.server.unblocking;

/** Where an unblock request stands. Only {@link #GRANTED} requests open anything in the filter. */
public enum UnblockStatus {
    /** Asked for, waiting for an approver. */
    REQUESTED,
    /** Approved: in force from its start until its end. */
    GRANTED,
    /** Turned down by an approver, or at once because the address is illegal content. */
    REFUSED,
    /** Called off by the requester or an approver before it ended. */
    WITHDRAWN,
    /** Its period ended (granted ones stop by time; pending ones can no longer be granted). */
    EXPIRED
}
