package org.lantern.server.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;

/**
 * Rows for the activity log in tests. Every test context shares one store file, so a test appends
 * its rows under a fresh batch id and finds them again by its own people and times.
 */
public final class TestActivity {

    private TestActivity() {
    }

    /** A request by a person to a host, with what the filter did and the category it applied. */
    public static ActivityRow row(Instant at, Long personId, String host, String action, String category) {
        return row(at, personId, host, action, category, null);
    }

    /** A search by a person, with the term typed. */
    public static ActivityRow row(Instant at, Long personId, String host, String action, String category,
                                  String searchTerm) {
        String url = "https://" + host + "/" + (searchTerm == null ? "" : "search?q=" + searchTerm.replace(' ', '+'));
        return new ActivityRow(at, personId, "user" + personId, "pupils", "7", "10.9.8.7", "laptop-7", "GET", host,
                host, url, category, null, action, null, null, searchTerm, false, null, null, "lantern");
    }

    /** Appends the rows as one new batch. */
    public static void append(ActivityStore store, ActivityRow... rows) {
        store.append("test-" + UUID.randomUUID(), List.of(rows));
    }
}
