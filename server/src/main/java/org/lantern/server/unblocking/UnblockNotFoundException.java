package org.lantern.server.unblocking;

/** No unblock request has this number, or none that the asker may act on. */
public class UnblockNotFoundException extends RuntimeException {

    public UnblockNotFoundException(long id) {
        super("no unblock request " + id);
    }
}
