package org.lantern.activity.ingest;

import java.util.ArrayList;
import java.util.List;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityPage;
import org.lantern.activity.ActivityStore.ActivityQuery;

/** Reads back what ingest tests stored: each row's marker, the byte count its line was written with. */
final class StoredRows {

    private StoredRows() {}

    /** @return the markers of every stored row, in no particular order, duplicates included */
    static List<Long> markers(ActivityStore store) {
        List<Long> markers = new ArrayList<>();
        String after = null;
        do {
            ActivityPage page = store.search(ActivityQuery.all(), after, 5_000);
            page.rows().stream().map(ActivityRow::bytes).forEach(markers::add);
            after = page.next();
        } while (after != null);
        return markers;
    }
}
