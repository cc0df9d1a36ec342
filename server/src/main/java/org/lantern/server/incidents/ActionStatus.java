package org.lantern.server.incidents;

/** Where a tracked action stands. Only an OPEN action can be completed or waived. */
public enum ActionStatus {
    OPEN, DONE, WAIVED
}
