package org.lantern.server.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.alerts.SafeguardingAlerts;
import org.lantern.server.alerts.SafeguardingRisk;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.RetentionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The alerts register's retention rule, on H2 and PostgreSQL: alerts closed with no record of
 * their own (no further action, false positive, already known) before the current school year and
 * the summer term before it are listed as one batch, and deleting it takes their notes, matches
 * and the looks at them; open alerts, newer ones and those about a person under a legal hold stay;
 * an alert escalated to an incident is never in the batch while its incident exists, and goes with
 * the incident when that is deleted.
 */
@PersistenceTest
class AlertRetentionTest {

    /** A day in the 2026/27 school year: alerts closed before 1 April 2026 are due. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate CUT_OFF = LocalDate.of(2026, 4, 1);
    private static final String BEHAVIOUR_ROW = "non-educational-sites-in-lessons";

    @Autowired
    RetentionService retention;
    @Autowired
    LegalHolds holds;
    @Autowired
    RetentionRules rules;
    @Autowired
    SafeguardingAlerts safeguarding;
    @Autowired
    IncidentService incidents;
    @Autowired
    AuditChain audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
        RetentionTables.clear(jdbc);
    }

    private long pupil() {
        String surname = "Alerted" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, year_group, created_at, updated_at) "
                        + "VALUES ('PUPIL', 'Robin', :last, '9', :now, :now)")
                .param("last", surname).param("now", now).update();
        return jdbc.sql("SELECT id FROM person WHERE legal_last_name = :last").param("last", surname).query(Long.class).single();
    }

    /** A safeguarding alert about the pupil, with its match, a note and a look, closed as told on the day. */
    private long alert(long person, String status, String outcome, LocalDate closedOn, Long incident) {
        long id = safeguarding.record(new SafeguardingRisk(Instant.now(), person, "Robin", null, null,
                "https://www.google.com/search?q=x", SafeguardingRisk.Seen.SEARCH, "ks3", 3, "self-harm", false,
                "cut myself", "cut myself", "cut myself", null, "alone", "lantern-self-harm", "1", false, 1,
                Duration.ofMinutes(10))).id();
        OffsetDateTime closed = closedOn == null ? null : closedOn.atTime(10, 0).atOffset(ZoneOffset.UTC);
        jdbc.sql("UPDATE filter_alert SET status = :status, outcome = :outcome, closed_at = :closed, closed_by = :by, "
                        + "incident_id = :incident WHERE id = :id")
                .param("status", status).param("outcome", outcome).param("closed", closed)
                .param("by", closed == null ? null : "ret.dsl").param("incident", incident).param("id", id).update();
        jdbc.sql("INSERT INTO alert_note (alert_id, written_at, author, body) VALUES (:id, :at, 'ret.dsl', 'Spoke to Robin.')")
                .param("id", id).param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        jdbc.sql("INSERT INTO record_access (accessed_at, account_id, username, record_type, record_id, channel, allowed) "
                        + "VALUES (:at, 1, 'ret.dsl', 'alert', :id, 'WEB', TRUE)")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("id", id).update();
        return id;
    }

    private long count(String table, long alertId) {
        String column = table.equals("filter_alert") ? "id" : table.equals("record_access") ? "record_id" : "alert_id";
        String only = table.equals("record_access") ? " AND record_type = 'alert'" : "";
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :id" + only).param("id", alertId)
                .query(Long.class).single();
    }

    private Optional<RetentionService.Review> pendingBatch() {
        return retention.reviews().stream().filter(r -> r.type() == RecordType.ALERT && r.status().equals("PENDING"))
                .findFirst();
    }

    @Test
    void theDefaultKeepsTheSchoolYearAndTheTermBeforeIt() {
        assertThat(rules.cutOff(RecordType.ALERT, TODAY)).isEqualTo(CUT_OFF);
        assertThat(rules.cutOff(RecordType.ALERT, LocalDate.of(2027, 8, 31))).isEqualTo(CUT_OFF);
        assertThat(rules.cutOff(RecordType.ALERT, LocalDate.of(2027, 9, 1))).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(rules.years(RecordType.ALERT)).isEqualTo("the current school year and the summer term before it (from 1 April)");
    }

    @Test
    void closedAlertsBeforeTheCutOffAreOneBatchAndDeletingItTakesTheirNotesMatchesAndLooks() {
        long pupil = pupil();
        long falsePositive = alert(pupil, "CLOSED", "FALSE_POSITIVE", CUT_OFF.minusDays(1), null);
        long noFurtherAction = alert(pupil, "CLOSED", "NO_FURTHER_ACTION", LocalDate.of(2025, 11, 3), null);
        long alreadyKnown = alert(pupil, "CLOSED", "ALREADY_KNOWN", LocalDate.of(2025, 6, 30), null);
        long closedSince = alert(pupil, "CLOSED", "FALSE_POSITIVE", CUT_OFF, null);
        long stillOpen = alert(pupil, "IN_REVIEW", null, null, null);
        long stillNew = alert(pupil, "NEW", null, null, null);

        retention.scan(TODAY);

        RetentionService.Review batch = pendingBatch().orElseThrow();
        assertThat(batch.key()).isEqualTo(CUT_OFF.toString());
        assertThat(batch.summary()).isEqualTo("3 closed alerts dated before 01/04/2026");
        assertThat(count("safeguarding_match", falsePositive)).isEqualTo(1);

        retention.confirmDeletion(batch.id(), "Past the alerts' retention period.", "ret.dsl");

        for (long gone : List.of(falsePositive, noFurtherAction, alreadyKnown)) {
            for (String table : List.of("filter_alert", "alert_note", "safeguarding_match", "record_access")) {
                assertThat(count(table, gone)).as("%s of alert %d", table, gone).isZero();
            }
        }
        for (long kept : List.of(closedSince, stillOpen, stillNew)) {
            assertThat(count("filter_alert", kept)).as("alert %d", kept).isEqualTo(1);
            assertThat(count("alert_note", kept)).isEqualTo(1);
        }
        AuditEntry deleted = audit.entriesFor("alert", CUT_OFF.toString()).getLast();
        assertThat(deleted.action()).isEqualTo("retention.deleted");
        assertThat(deleted.detailJson()).contains("\"filter_alert\":3", "\"alert_note\":3", "\"safeguarding_match\":3",
                "\"record_access\":3").doesNotContain("Spoke to Robin", "cut myself");
        assertThat(audit.verify().intact()).isTrue();
    }

    @ParameterizedTest(name = "a legal hold on the {0} keeps the alerts about the pupil")
    @CsvSource({"PERSON", "INCIDENT"})
    void aLegalHoldOnThePersonOrAnIncidentNamingThemKeepsTheirAlerts(String on) {
        long held = pupil();
        long other = pupil();
        long heldAlert = alert(held, "CLOSED", "NO_FURTHER_ACTION", LocalDate.of(2025, 10, 1), null);
        long otherAlert = alert(other, "CLOSED", "NO_FURTHER_ACTION", LocalDate.of(2025, 10, 1), null);
        long target = on.equals("PERSON") ? held : incident(held);
        holds.place(on, target, "Police investigation", "ret.dsl");

        retention.scan(TODAY);
        RetentionService.Review batch = pendingBatch().orElseThrow();
        assertThat(batch.summary()).isEqualTo("1 closed alert dated before 01/04/2026");
        retention.confirmDeletion(batch.id(), "Past the period.", "ret.dsl");

        assertThat(count("filter_alert", heldAlert)).isEqualTo(1);
        assertThat(count("filter_alert", otherAlert)).isZero();
    }

    @Test
    void anAlertEscalatedToAnIncidentFollowsTheIncidentAndGoesWhenItIsDeleted() {
        long pupil = pupil();
        long incident = incident(pupil);
        long escalated = alert(pupil, "CLOSED", "ESCALATED", LocalDate.of(2024, 1, 10), incident);
        jdbc.sql("UPDATE incident SET recorded_at = :at WHERE id = :id").param("at", OffsetDateTime.parse("2018-01-10T10:00:00Z"))
                .param("id", incident).update();

        retention.scan(TODAY);
        assertThat(pendingBatch()).as("not in the alerts' batch while its incident exists").isEmpty();
        RetentionService.Review review = retention.reviews().stream()
                .filter(r -> r.type() == RecordType.BEHAVIOUR && r.key().equals(Long.toString(incident))).findFirst()
                .orElseThrow();

        retention.confirmDeletion(review.id(), "Past the behaviour period.", "ret.dsl");

        for (String table : List.of("filter_alert", "alert_note", "safeguarding_match", "record_access")) {
            assertThat(count(table, escalated)).as(table).isZero();
        }
        assertThat(audit.entriesFor("behaviour", Long.toString(incident)).getLast().detailJson())
                .contains("\"alerts\":[" + escalated + "]");
    }

    @Test
    void theBatchIsNotListedWhenNothingIsDueAndAPendingOneIsBroughtUpToDate() {
        long pupil = pupil();
        alert(pupil, "CLOSED", "FALSE_POSITIVE", CUT_OFF.plusDays(10), null);
        retention.scan(TODAY);
        assertThat(pendingBatch()).isEmpty();

        alert(pupil, "CLOSED", "FALSE_POSITIVE", CUT_OFF.minusDays(10), null);
        retention.scan(TODAY);
        assertThat(pendingBatch().orElseThrow().summary()).isEqualTo("1 closed alert dated before 01/04/2026");
        retention.scan(TODAY.plusYears(1));
        assertThat(pendingBatch().orElseThrow().summary()).isEqualTo("2 closed alerts dated before 01/04/2027");
        assertThat(retention.reviews().stream().filter(r -> r.type() == RecordType.ALERT)).hasSize(1);
        assertThatThrownBy(() -> retention.confirmDeletion(pendingBatch().orElseThrow().id(), " ", "ret.dsl"))
                .hasMessage("Give a reason.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM filter_alert").query(Long.class).single()).isEqualTo(2);
    }

    private long incident(long pupil) {
        String username = "ret.alerts.teacher";
        long account = accounts.idOf(username)
                .orElseGet(() -> accountService.create(username, "Test teacher", Role.STAFF, "retention password 1", "test"));
        return incidents.record(new NewIncident(SubjectType.PUPIL, BEHAVIOUR_ROW, List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "Saw the screen.", null, List.of()),
                new Viewer(account, username, false)).id();
    }
}
