package org.lantern.server.unblocking;

import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the end of each unblock shortly after it happens. The filter stops honouring an
 * exception at its end time by itself; this job makes the record say so (status EXPIRED, an
 * event in the change-control log) and tells the filter to drop it from its list.
 */
@Component
class UnblockExpiry {

    private final Unblocks unblocks;

    UnblockExpiry(Unblocks unblocks) {
        this.unblocks = unblocks;
    }

    @Scheduled(fixedDelayString = "${lantern.unblock.expiry-interval:PT1M}",
            initialDelayString = "${lantern.unblock.expiry-initial-delay:PT30S}")
    void expireEnded() {
        unblocks.expire(Instant.now());
    }
}
