package org.lantern.server.demo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.activity.ActivityStore;
import org.lantern.server.demo.DemoFixtures.AlertedRequest;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.reports.GovernorsReport;
import org.lantern.server.reports.GovernorsReports;
import org.lantern.server.reports.SchoolYear;
import org.lantern.server.reports.WeeklySummaries;
import org.lantern.server.reports.WeeklySummary;
import org.lantern.server.support.IncidentTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's story is told from whatever day the demo is first started: each test seeds it afresh
 * as if on an awkward day (the first morning of a school year, a Sunday night, the first Monday
 * after New Year, the last minutes of a school year) and checks the reports of that day.
 */
@PersistenceTest
@TestPropertySource(properties = {"lantern.mode=demo", "lantern.test.context=demo-any-day"})
class DemoRecordsOnAnyDayTest {

    /** The registers' seeded rows, children first; before the incidents, since a lost device's loan names one. */
    private static final List<String> REGISTER_RECORDS = Stream.of("device_loan_email", "device_loan", "personal_device",
            "device", "takedown_task", "publication_pupil", "publication", "consent_never_publish", "consent",
            "consent_evidence", "training_certificate", "training_completion", "register_email", "cloud_service",
            "software_licence", "filtering_review").map(table -> "DELETE FROM " + table).toList();

    /** Seeded rows that are not incidents or hang off none, children first. */
    private static final List<String> OTHER_RECORDS = List.of("DELETE FROM alert_email", "DELETE FROM alert_delivery", "DELETE FROM alert_escalation", "DELETE FROM alert_note", "DELETE FROM safeguarding_match",
            "DELETE FROM filter_alert",
            "DELETE FROM bypass_attempt", "DELETE FROM subject_access_export", "DELETE FROM subject_access_request",
            "DELETE FROM data_breach", "DELETE FROM access_suspension",
            "DELETE FROM internet_access_event WHERE incident_id IS NOT NULL",
            "UPDATE person SET internet_access = TRUE WHERE leaving_date IS NULL");

    @Autowired
    DemoRecords records;
    @Autowired
    GovernorsReports governorsReports;
    @Autowired
    WeeklySummaries weeklySummaries;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivityStore store;

    /** The first morning of a school year, a Sunday night, the first Monday after New Year, a school year's last minutes. */
    static List<OffsetDateTime> awkwardDays() {
        return Stream.of("2025-09-01T05:30:00Z", "2025-09-07T20:00:00Z", "2026-01-05T07:15:00Z", "2026-08-31T22:50:00Z")
                .map(OffsetDateTime::parse).toList();
    }

    /** The records seeded as if it were {@code day}, with nothing left of any earlier seeding. */
    private void seededOn(OffsetDateTime day) {
        // The alert of the previous seeding comes on another thread; it must not land among this one's records.
        DemoFixtures.persistentBypassAlertRecorded(jdbc);
        REGISTER_RECORDS.forEach(sql -> jdbc.sql(sql).update());
        IncidentTables.delete(jdbc, "SELECT id FROM incident", Map.of());
        OTHER_RECORDS.forEach(sql -> jdbc.sql(sql).update());
        records.seed(day);
        DemoFixtures.persistentBypassAlertRecorded(jdbc);
    }

    @ParameterizedTest
    @MethodSource("awkwardDays")
    void theReportsOfThatDayHaveContentAndOneActionIsOverdue(OffsetDateTime seededAt) {
        seededOn(seededAt);

        GovernorsReport report = governorsReports.build(
                SchoolYear.containing(seededAt.atZoneSameInstant(SchoolTime.ZONE).toLocalDate()));
        assertThat(report.incidents().value()).as("incidents this school year").isPositive();
        Viewer dsl = Viewer.of(TestUsers.signedIn(accountService, accounts, "dsl", Role.DSL));
        WeeklySummary week = weeklySummaries.build(dsl, seededAt);
        assertThat(week.newIncidents()).as("incidents this week").isNotEmpty();
        assertThat(week.overdue()).as("overdue actions").hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM data_breach WHERE aware_at > :cutoff AND ico_decision IS NULL")
                .param("cutoff", seededAt.minusHours(72)).query(Long.class).single()).as("breaches in their 72 hours")
                .isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("awkwardDays")
    void nothingHappensAfterThatDayOrBeforeItsCause(OffsetDateTime seededAt) {
        seededOn(seededAt);

        for (String wrong : List.of(
                "SELECT COUNT(*) FROM incident WHERE recorded_at < occurred_at OR recorded_at > :now",
                "SELECT COUNT(*) FROM incident_action WHERE closed_at < created_at OR closed_at > :now OR created_at > :now",
                "SELECT COUNT(*) FROM incident_action a JOIN incident i ON i.id = a.incident_id WHERE a.created_at < i.recorded_at",
                "SELECT COUNT(*) FROM filter_alert WHERE last_seen_at > :now",
                "SELECT COUNT(*) FROM alert_note n JOIN filter_alert a ON a.id = n.alert_id "
                        + "WHERE n.written_at < a.first_seen_at OR n.written_at > :now",
                "SELECT COUNT(*) FROM bypass_attempt WHERE attempted_at > :now",
                "SELECT COUNT(*) FROM access_suspension WHERE suspended_at > :now OR restored_at < suspended_at",
                "SELECT COUNT(*) FROM data_breach WHERE aware_at < occurred_at OR reported_at < aware_at OR aware_at > :now")) {
            assertThat(jdbc.sql(wrong).param("now", seededAt).query(Long.class).single()).as(wrong).isZero();
        }
    }

    /**
     * A demo seeded afresh into an activity log that outlived its database (as test contexts share
     * one) logs its own alerts' requests, even when its story is told on the same day as the old
     * one's: here from devices the directory has renumbered since.
     */
    @Test
    void aDemoSeededAfreshIntoAnOldActivityLogLogsItsOwnAlerts() {
        OffsetDateTime day = awkwardDays().get(2);
        seededOn(day);
        jdbc.sql("UPDATE network_identity SET identity_value = REPLACE(identity_value, '10.20.', '10.21.') "
                + "WHERE identity_type = 'DEVICE_IP'").update();

        seededOn(day);

        List<AlertedRequest> alerted = DemoFixtures.alerted(jdbc, "kind IN ('ILLEGAL_CONTENT', 'ILLEGAL_ACTIVITY')");
        assertThat(alerted).isNotEmpty().allSatisfy(request -> assertThat(DemoFixtures.logged(store, request))
                .as(request.url()).anySatisfy(row -> assertThat(row.url()).isEqualTo(request.url())));
    }
}
