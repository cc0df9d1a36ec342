package org.lantern.server.unblocking;

import java.time.Instant;
import org.lantern.server.http.SchoolTime;

/** How an unblock's period reads on pages and in the log, in the school's wall-clock time. */
final class UnblockFormat {

    private UnblockFormat() {
    }

    /** e.g. "from 3 Mar 2026 09:00 until 7 Mar 2026 16:00". */
    static String period(Instant from, Instant until) {
        return "from " + SchoolTime.when(from) + " until " + SchoolTime.when(until);
    }
}
