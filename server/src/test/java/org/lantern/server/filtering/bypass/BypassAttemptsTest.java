package org.lantern.server.filtering.bypass;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.alerts.AlertIntake;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PersistenceTest
class BypassAttemptsTest {

    private static final ZoneId SCHOOL = ZoneId.of("Europe/London");

    @Autowired
    BypassAttempts attempts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AlertIntake alertIntake;
    @Autowired
    ApplicationEventMulticaster multicaster;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
    }

    @Test
    void eachAttemptIsWrittenWithWhoWhenTheHostTheCategoryAndWhatTheFilterDid() throws Exception {
        attempts.offer(BypassFixtures.vpn("vpn.example", 55L, "Cal Jones", "cal.j", "10.1.0.9", now));
        attempts.offer(BypassFixtures.rawIp("10.200.0.1", "10.1.0.10", now));

        assertThat(attempts.flush(Duration.ofSeconds(10))).isTrue();
        List<BypassAttempt> written = new ArrayList<>();
        attempts.forEach(now.minusSeconds(1), now.plusSeconds(1), written::add);
        assertThat(written).containsExactlyInAnyOrder(
                new BypassAttempt(now, 55L, "Cal Jones", "cal.j", "10.1.0.9", "vpn.example", "vpn", "POLICY", "BLOCK"),
                new BypassAttempt(now, null, "unknown user", null, "10.1.0.10", "10.200.0.1", BypassAttempt.RAW_IP,
                        "RAW_IP", "ALLOW_AND_LOG"));
    }

    @Test
    void persistentAttemptsByOnePersonRaiseOneAlertCountingEveryAttempt() throws Exception {
        for (int i = 0; i < 12; i++) {
            attempts.offer(BypassFixtures.vpn("vpn" + i + ".example", 56L, "Dee Khan", null, null, now.plusSeconds(i)));
        }

        assertThat(attempts.flush(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT kind || ' ' || person_id || ' ' || occurrences FROM filter_alert").query(String.class).list())
                .containsExactly("PERSISTENT_BYPASS 56 12"));
    }

    @Test
    void aPersistentAlertIsHandedToTheIntakeBeforeFlushReturns() throws Exception {
        SlowFirstListener slow = new SlowFirstListener();
        multicaster.addApplicationListener(slow);
        try {
            for (int i = 0; i < 12; i++) {
                attempts.offer(BypassFixtures.vpn("vpn" + i + ".example", 59L, "Gus Hale", null, null,
                        now.plusSeconds(i)));
            }

            assertThat(attempts.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(alertIntake.flush(Duration.ofSeconds(10))).isTrue();
        } finally {
            multicaster.removeApplicationListener(slow);
        }
        assertThat(jdbc.sql("SELECT kind || ' ' || person_id FROM filter_alert").query(String.class).list())
                .containsExactly("PERSISTENT_BYPASS 59");
    }

    /**
     * Hears a persistent-bypass alert before the alert intake does, and slowly, as a busy machine
     * can: a flush that returned before the alert was handed on is then caught every time. Added
     * to the shared context for one test rather than declared as configuration, which would start
     * a context of its own (and its own database connections).
     */
    private static final class SlowFirstListener implements ApplicationListener<PayloadApplicationEvent<?>>, Ordered {
        @Override
        public void onApplicationEvent(PayloadApplicationEvent<?> event) {
            if (event.getPayload() instanceof PersistentBypassAttempts) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @Test
    void attemptsBelowTheThresholdRaiseNoAlert() throws Exception {
        for (int i = 0; i < 9; i++) {
            attempts.offer(BypassFixtures.vpn("vpn.example", 57L, "Eli Park", null, null, now.plusSeconds(i)));
        }
        attempts.offer(BypassFixtures.vpn("vpn.example", 58L, "Fay Lee", null, null, now));

        assertThat(attempts.flush(Duration.ofSeconds(10))).isTrue();
        Thread.sleep(500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM filter_alert").query(Long.class).single()).isZero();
    }

    @Test
    void attemptsSpreadWiderThanTheWindowRaiseNoAlert() throws Exception {
        for (int i = 0; i < 12; i++) {
            attempts.offer(BypassFixtures.vpn("vpn.example", 59L, "Gil Ray", null, null,
                    now.minus(Duration.ofMinutes(5L * i))));
        }

        assertThat(attempts.flush(Duration.ofSeconds(10))).isTrue();
        Thread.sleep(500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM filter_alert").query(Long.class).single()).isZero();
    }

    @Test
    void theReportCountsEachDayEachCategoryEachHostAndThePeopleWithMost() throws Exception {
        LocalDate today = LocalDate.now(SCHOOL);
        Instant todayNoon = today.atTime(12, 0).atZone(SCHOOL).toInstant();
        Instant yesterdayNoon = todayNoon.minus(Duration.ofDays(1));
        attempts.offer(BypassFixtures.vpn("vpn.example", 60L, "Hal Moss", null, null, todayNoon));
        attempts.offer(BypassFixtures.vpn("vpn.example", 60L, "Hal Moss", null, null, yesterdayNoon));
        attempts.offer(BypassFixtures.vpn("other-vpn.example", 61L, "Ivy North", null, null, todayNoon));
        attempts.offer(BypassFixtures.rawIp("10.200.0.2", "10.1.0.11", todayNoon));
        assertThat(attempts.flush(Duration.ofSeconds(10))).isTrue();

        BypassReport report = attempts.report(today.minusDays(2), today, SCHOOL, 10);

        assertThat(report.total()).isEqualTo(4);
        assertThat(report.blocked()).isEqualTo(3);
        assertThat(report.people()).isEqualTo(3);
        assertThat(report.perDay()).containsExactly(new BypassReport.Count(today.minusDays(2).toString(), 0),
                new BypassReport.Count(today.minusDays(1).toString(), 1), new BypassReport.Count(today.toString(), 3));
        assertThat(report.perCategory()).containsExactly(new BypassReport.Count("vpn", 3),
                new BypassReport.Count(BypassAttempt.RAW_IP, 1));
        assertThat(report.topHosts().get(0)).isEqualTo(new BypassReport.Count("vpn.example", 2));
        assertThat(report.topPeople().get(0)).isEqualTo(new BypassReport.PersonCount(60L, "Hal Moss", 2, 2));
        assertThat(report.topPeople()).extracting(BypassReport.PersonCount::name)
                .contains("unknown user (device 10.1.0.11)");
    }
}
