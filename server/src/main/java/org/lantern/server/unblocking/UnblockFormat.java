package org.lantern.server.unblocking;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How unblock times read on pages and in the log: the school's wall-clock time. */
final class UnblockFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(ChangeControlLog.SCHOOL_ZONE);

    private UnblockFormat() {
    }

    /** e.g. "3 Mar 2026 09:00". */
    static String when(Instant at) {
        return WHEN.format(at);
    }

    /** e.g. "from 3 Mar 2026 09:00 until 7 Mar 2026 16:00". */
    static String period(Instant from, Instant until) {
        return "from " + when(from) + " until " + when(until);
    }
}
