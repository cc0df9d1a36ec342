package org.lantern.filter.decision;

/**
 * What to do with requests whose host is a raw IP address rather than a name. Browsing to an IP
 * skips every domain list, so it is a common way round a filter; schools choose how strict to be.
 */
public enum RawIpHosts {
    /** Treat raw IP hosts like any other host. */
    ALLOW,
    /** Allow them but log them for review as bypass attempts. */
    LOG,
    /** Block them (unless the local allow list names the address) as bypass attempts. */
    BLOCK
}
