package org.lantern.server.monitoring.scan;

import java.util.List;

import org.lantern.activity.ActivityRow;
import org.springframework.stereotype.Component;

/**
 * Scans search terms already in the activity log that never passed through ingest (the demo
 * school's history, written straight to the store), through the same {@link Scanner} as live
 * traffic, on the caller's thread: the alerts they raise are the alerts the monitor would have
 * raised, explained and folded the same way.
 */
@Component
public class HistoryScan {

    private final Scanner scanner;

    HistoryScan(Scanner scanner) {
        this.scanner = scanner;
    }

    /** Scans every row that has a search term; rows without one are left alone. */
    public void searches(List<ActivityRow> rows) {
        for (ActivityRow row : rows) {
            if (row.searchTerm() != null && !row.searchTerm().isBlank()) {
                scanner.scan(ScanRequest.of(row));
            }
        }
    }
}
