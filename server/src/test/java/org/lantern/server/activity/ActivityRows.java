package org.lantern.server.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;

/**
 * Requests put straight into the activity store for the activity tests. Test contexts share one
 * store file, so each test uses user names and people of its own and never assumes the store is
 * empty.
 */
final class ActivityRows {

    private ActivityRows() {
    }

    /** A request by a person (or nobody, for null) through a user name and address. */
    static ActivityRow row(Instant at, Long personId, String user, String ip, String url, String action,
                           String category, String searchTerm) {
        String host = url.replaceFirst("^https?://", "").replaceFirst("[/:].*$", "");
        return new ActivityRow(at, personId, user, "pupils", personId == null ? null : "7", ip, null, "GET", host, host,
                url, category, null, action, action.equals("BLOCK") ? "CATEGORY" : "DEFAULT", 1L, searchTerm,
                false, null, null, "lantern");
    }

    /** Stores rows as one batch of their own. */
    static void append(ActivityStore store, List<ActivityRow> rows) {
        store.append("activity-test-" + UUID.randomUUID(), rows);
    }
}
