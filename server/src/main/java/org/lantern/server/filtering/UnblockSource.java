package org.lantern.server.filtering;

import java.util.List;

import org.lantern.filter.decision.UnblockException;

/**
 * Where the filter gets the temporary unblocks granted for a period of study. Implemented by the
 * unblocking feature; the filter reloads it when an {@link UnblocksChanged} event is published.
 */
public interface UnblockSource {

    /** Every granted unblock that has not yet ended (the engine itself ignores those not yet begun). */
    List<UnblockException> current();
}
