package org.lantern.server.registers.review;

/** Who signs a filtering and monitoring review: the DfE asks for both a senior leader and a governor. */
public enum Signer {
    /** The senior leadership team member responsible for filtering and monitoring (headteacher or DSL). */
    LEADER,
    /** The governor responsible for filtering and monitoring. */
    GOVERNOR
}
