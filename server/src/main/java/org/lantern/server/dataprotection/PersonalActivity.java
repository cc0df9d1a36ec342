package org.lantern.server.dataprotection;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityPage;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;
import org.springframework.stereotype.Component;

/**
 * A person's rows in the activity log, for their subject access request: counted for the export's
 * summary and written out as its CSV part. A pupil's year of browsing is hundreds of thousands of
 * rows, more than a page or a PDF can carry, so the summary gives the count and the CSV is
 * written a page of rows at a time straight to the response, never held whole in memory. Every
 * cell goes through {@link SafeCsv}: URLs and search terms are typed by others and opened in
 * spreadsheets.
 */
@Component
class PersonalActivity {

    /** The CSV's columns, in order. */
    static final String[] HEADER = {"time", "user", "client_ip", "device", "filter_group", "year_group", "method",
            "host", "url", "category", "action", "rule", "search_term", "bypass", "status", "bytes", "source"};
    /** Rows read from the store at a time: the most the export holds in memory. */
    static final int PAGE = 1_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx")
            .withZone(SchoolTime.ZONE);

    private final ActivityStore store;

    PersonalActivity(ActivityStore store) {
        this.store = store;
    }

    /** @return how many rows of the log are tied to the person */
    long count(long personId) {
        return store.count(of(personId));
    }

    /** Writes the person's rows as CSV, newest first, one page at a time. */
    void writeCsv(long personId, Writer out) throws IOException {
        SafeCsv csv = SafeCsv.over(out);
        csv.row((Object[]) HEADER);
        ActivityQuery query = of(personId);
        String cursor = null;
        do {
            ActivityPage page = store.search(query, cursor, PAGE);
            for (ActivityRow r : page.rows()) {
                csv.row(WHEN.format(r.time()), r.user(), r.clientIp(), r.device(), r.groupId(), r.yearGroup(),
                        r.method(), r.host(), r.url(), r.category(), r.action(), r.rule(), r.searchTerm(),
                        r.bypass() ? "yes" : "no", r.status(), r.bytes(), r.source());
            }
            cursor = page.next();
        } while (cursor != null);
        csv.close();
    }

    private static ActivityQuery of(long personId) {
        return new ActivityQuery(null, null, personId, null, null, null, null, null, null, null, null, null);
    }
}
