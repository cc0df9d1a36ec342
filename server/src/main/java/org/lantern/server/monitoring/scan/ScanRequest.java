package org.lantern.server.monitoring.scan;

import java.time.Instant;

import org.lantern.activity.ActivityRow;
import org.lantern.proxy.icap.RequestBody;

/**
 * One thing waiting to be scanned: a row of the activity log as it was stored, or the body of a
 * request the ICAP server answered, with a row made from its request so it can be attributed
 * like any other.
 *
 * @param row  the activity row, or the row made from the body's request
 * @param body what was typed, or {@code null} for an activity row
 */
record ScanRequest(ActivityRow row, RequestBody body) {

    /** What a row made from a body's request says it did: it is never stored, only attributed. */
    static final String TYPED = "TYPED";

    /** @return a request to scan an activity row's search term and address */
    static ScanRequest of(ActivityRow row) {
        return new ScanRequest(row, null);
    }

    /**
     * @param body a request body the ICAP server answered
     * @param at when it was taken
     * @return a request to scan what was typed in it
     */
    static ScanRequest typed(RequestBody body, Instant at) {
        String host = Addresses.host(body.url());
        ActivityRow row = new ActivityRow(at, null, blankToNull(body.user()), null, null, blankToNull(body.clientIp()),
                null, body.method(), host, host, body.url(), null, null, TYPED, null, null, null, false, null, null,
                "icap");
        return new ScanRequest(row, body);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
