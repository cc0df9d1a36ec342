package org.lantern.server.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.server.alerts.AlertKind;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/** What demo tests wait for, and how they find an alert's request in the activity log. */
final class DemoFixtures {

    /** Generous: the alert is written on the alerts register's own thread, which shares two cores with everything else. */
    private static final Duration ALERT_INTAKE = Duration.ofSeconds(60);

    private DemoFixtures() {
    }

    /**
     * Waits until the persistent-bypass alert is in the register: the bypass register raises it on
     * its own threads after seeding, so it can come after the rest of the records.
     */
    static void persistentBypassAlertRecorded(JdbcClient jdbc) {
        await().atMost(ALERT_INTAKE).until(() -> jdbc.sql("SELECT COUNT(*) FROM filter_alert WHERE kind = :kind")
                .param("kind", AlertKind.PERSISTENT_BYPASS.name()).query(Long.class).single() > 0);
    }

    /** The demo's filter alerts that match the SQL condition {@code where}. */
    static List<AlertedRequest> alerted(JdbcClient jdbc, String where) {
        return jdbc.sql("SELECT url, first_seen_at, client_ip FROM filter_alert WHERE " + where)
                .query((rs, n) -> new AlertedRequest(rs.getString("url"),
                        rs.getObject("first_seen_at", OffsetDateTime.class).toInstant(), rs.getString("client_ip")))
                .list();
    }

    /** What the activity log holds from the alerted request's device in the second it was made. */
    static List<ActivityRow> logged(ActivityStore store, AlertedRequest request) {
        ActivityQuery at = new ActivityQuery(request.at(), request.at().plusSeconds(1), null, null, null, null,
                request.clientIp(), null, null, null, null, null);
        return store.search(at, null, 10).rows();
    }

    /** The request an alert was raised for: where, when and from which address. */
    record AlertedRequest(String url, Instant at, String clientIp) {
    }
}
