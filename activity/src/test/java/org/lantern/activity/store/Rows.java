package org.lantern.activity.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lantern.activity.ActivityRow;

/** Rows for the store's tests: a pupil's request, varied by what each test looks at. */
final class Rows {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Rows() {
    }

    static ActivityRow request(Instant time, long person, String url, String category, String action, String search) {
        String host = url.replaceFirst("^[a-z]+://", "").replaceFirst("[/:?].*$", "");
        String[] labels = host.split("\\.");
        String domain = labels.length <= 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
        return new ActivityRow(time, person, "pupil" + person, person % 2 == 0 ? "pupils" : "staff",
                "Y" + (7 + person % 3), "10.0.0." + person, "laptop-" + person, "GET", host, domain, url,
                category, null, action, action.equals("BLOCK") ? "CATEGORY" : null, 3L, search, false, null, null,
                "lantern");
    }

    static ActivityRow request(Instant time, long person, String url) {
        return request(time, person, url, "news", "ALLOW", null);
    }

    /** @return {@code n} requests a second apart from {@code start}, each to its own URL */
    static List<ActivityRow> batch(Instant start, int n, String tag) {
        List<ActivityRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(request(start.plusSeconds(i), i % 5, "https://www.example" + (i % 37) + ".org/" + tag + "/" + i));
        }
        return rows;
    }
}
