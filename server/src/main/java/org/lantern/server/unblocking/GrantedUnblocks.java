package org.lantern.server.unblocking;

import java.time.Instant;
import java.util.List;

import org.lantern.filter.decision.UnblockException;
import org.lantern.server.filtering.UnblockSource;
import org.springframework.stereotype.Component;

/** The filter's view of unblocking: the granted requests that have not yet ended, as exceptions. */
@Component
class GrantedUnblocks implements UnblockSource {

    private final Unblocks unblocks;

    GrantedUnblocks(Unblocks unblocks) {
        this.unblocks = unblocks;
    }

    @Override
    public List<UnblockException> current() {
        return unblocks.current(Instant.now());
    }
}
