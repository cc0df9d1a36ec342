package org.lantern.server.monitoring.scan;

import org.lantern.activity.ActivityRow;
import org.lantern.server.activity.ActivityRowsStored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every row the activity log stores (the server's own ICAP and squid-helper decisions,
 * imported Squid logs, the ingest API) to the monitor's queue, on the ingest's thread: it only
 * queues, never scans. A tunnel ({@code CONNECT host:443}) shows no words, so it is not queued.
 */
@Component
class ActivityScanFeed {

    private final ScanQueue queue;

    ActivityScanFeed(ScanQueue queue) {
        this.queue = queue;
    }

    @EventListener
    void on(ActivityRowsStored stored) {
        for (ActivityRow row : stored.rows()) {
            if (!"CONNECT".equals(row.method())) {
                queue.offer(ScanRequest.of(row));
            }
        }
    }
}
