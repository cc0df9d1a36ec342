package org.lantern.server.demo;

import java.time.Duration;

import org.lantern.server.alerts.AlertKind;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/** What demo tests wait for. */
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
}
