package org.lantern.server.retention;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.server.LanternProperties;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.CaseActor;
import org.lantern.server.incidents.CasePriority;
import org.lantern.server.incidents.CaseService;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.incidents.evidence.EvidenceService;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.RetentionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention rules on fixed dates, the review list, legal holds, and hard deletion that leaves the
 * audit chain intact (run on H2 and PostgreSQL).
 */
@PersistenceTest
class RetentionTest {

    private static final String CHILD_PROTECTION_ROW = "mobile-device-misuse";
    private static final String BEHAVIOUR_ROW = "non-educational-sites-in-lessons";

    @Autowired
    RetentionService retention;
    @Autowired
    LegalHolds holds;
    @Autowired
    IncidentService incidents;
    @Autowired
    EvidenceService evidence;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditChain audit;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    LanternProperties lantern;
    @Autowired
    CaseService cases;

    Viewer teacher;
    LocalDate today;

    @BeforeEach
    void setUp() {
        RetentionTables.clear(jdbc);
        String username = "ret.teacher";
        long id = accounts.idOf(username)
                .orElseGet(() -> accountService.create(username, "Test " + username, Role.STAFF, "retention password 1", "test"));
        teacher = new Viewer(id, username, false);
        today = People.today();
    }

    private long pupil(LocalDate born, LocalDate left) {
        String surname = "Pupil" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, year_group, date_of_birth, leaving_date, "
                        + "created_at, updated_at) VALUES ('PUPIL', 'Ada', :last, '7', :born, :left, :now, :now)")
                .param("last", surname).param("born", born).param("left", left).param("now", now).update();
        return jdbc.sql("SELECT id FROM person WHERE legal_last_name = :last").param("last", surname)
                .query(Long.class).single();
    }

    private long incident(String row, Long... pupils) {
        return incidents.record(new NewIncident(SubjectType.PUPIL, row, List.of(pupils),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "Saw the screen.", null, List.of()), teacher).id();
    }

    private Optional<RetentionService.Review> pending(RecordType type, Object key) {
        return retention.reviews().stream()
                .filter(r -> r.type() == type && r.key().equals(key.toString()) && r.status().equals("PENDING"))
                .findFirst();
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void aChildProtectionIncidentIsListedTwentyFiveYearsAfterTheYoungestPupilsBirthAndNotADayBefore() {
        long id = incident(CHILD_PROTECTION_ROW, pupil(LocalDate.of(2014, 9, 1), null),
                pupil(LocalDate.of(2015, 6, 15), null));

        retention.scan(LocalDate.of(2040, 6, 14));
        assertThat(pending(RecordType.CHILD_PROTECTION, id)).isEmpty();

        retention.scan(LocalDate.of(2040, 6, 15));
        assertThat(pending(RecordType.CHILD_PROTECTION, id)).hasValueSatisfying(r -> {
            assertThat(r.dueOn()).isEqualTo(LocalDate.of(2040, 6, 15));
            assertThat(r.basis()).isEqualTo("date of birth 2015-06-15 + 25 years");
        });
    }

    @Test
    void aChildProtectionIncidentWithoutADateOfBirthRunsFromTheDayItWasRecorded() {
        long id = incident(CHILD_PROTECTION_ROW, pupil(null, null));

        retention.scan(today.plusYears(25).minusDays(1));
        assertThat(pending(RecordType.CHILD_PROTECTION, id)).isEmpty();

        retention.scan(today.plusYears(25));
        assertThat(pending(RecordType.CHILD_PROTECTION, id)).hasValueSatisfying(r ->
                assertThat(r.basis()).contains("a date of birth is missing"));
    }

    @Test
    void aBehaviourIncidentIsListedSixYearsAfterItWasRecorded() {
        long id = incident(BEHAVIOUR_ROW, pupil(LocalDate.of(2012, 1, 1), null));

        retention.scan(today.plusYears(6).minusDays(1));
        assertThat(pending(RecordType.BEHAVIOUR, id)).isEmpty();

        retention.scan(today.plusYears(6));
        assertThat(pending(RecordType.BEHAVIOUR, id)).isPresent();
    }

    @Test
    void aRecordIsListedOnceHoweverOftenTheCheckRuns() {
        long id = incident(BEHAVIOUR_ROW, pupil(null, null));

        retention.scan(today.plusYears(7));
        retention.scan(today.plusYears(7));

        assertThat(retention.reviews()).filteredOn(r -> r.key().equals(Long.toString(id))).hasSize(1);
    }

    @Test
    void confirmedDeletionRemovesTheIncidentAndItsEvidenceAndTheAuditChainStillVerifies() {
        long pupil = pupil(LocalDate.of(1995, 3, 1), null);
        long id = incident(CHILD_PROTECTION_ROW, pupil);
        var file = evidence.addFile(id, "chat.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13},
                teacher, Channel.PAGE);
        evidence.addUrl(id, "https://chat.example/", teacher, Channel.PAGE);
        evidence.open(id, file.id(), teacher, Channel.PAGE);
        long dsl = accounts.idOf("ret.dsl")
                .orElseGet(() -> accountService.create("ret.dsl", "Test ret.dsl", Role.DSL, "retention password 1", "test"));
        CaseActor asDsl = new CaseActor(new Viewer(dsl, "ret.dsl", true, true), true);
        long action = jdbc.sql("SELECT MIN(id) FROM incident_action WHERE incident_id = :id").param("id", id)
                .query(Long.class).single();
        cases.changeActionOwner(id, action, dsl, asDsl);
        cases.changePriority(id, CasePriority.URGENT, asDsl);
        retention.scan(today);
        long review = pending(RecordType.CHILD_PROTECTION, id).orElseThrow().id();

        retention.confirmDeletion(review, "Past retention; reviewed with the DPO.", "ret.dsl");

        assertThat(count("SELECT COUNT(*) FROM incident WHERE id = :id", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM incident_action WHERE incident_id = :id", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM incident_subject WHERE incident_id = :id", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM case_event WHERE incident_id = :id", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM evidence WHERE incident_id = :id", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM evidence_content WHERE evidence_id = :id", file.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM evidence_custody WHERE evidence_id = :id", file.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM record_access WHERE record_type = 'incident' AND record_id = :id", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM person WHERE id = :id", pupil)).isEqualTo(1);
        AuditEntry deleted = audit.entriesFor("child_protection", Long.toString(id)).getLast();
        assertThat(deleted.action()).isEqualTo("retention.deleted");
        assertThat(deleted.actor()).isEqualTo("ret.dsl");
        assertThat(deleted.detailJson()).contains(file.sha256(), "rowSha256", "\"incident\":1")
                .doesNotContain("Saw the screen", "chat.example", "reviewed with the DPO");
        assertThat(audit.verify().intact()).isTrue();
        assertThat(retention.reviews()).filteredOn(r -> r.id() == review).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("DELETED"));
    }

    @Test
    void aLegalHoldOnThePupilStopsDeletionUntilItIsLifted() {
        long pupil = pupil(LocalDate.of(1995, 3, 1), null);
        long id = incident(CHILD_PROTECTION_ROW, pupil);
        retention.scan(today);
        long review = pending(RecordType.CHILD_PROTECTION, id).orElseThrow().id();
        LegalHolds.Hold hold = holds.place("person", pupil, "Police investigation 42/2026", "ret.dsl");

        assertThat(pending(RecordType.CHILD_PROTECTION, id)).hasValueSatisfying(r -> assertThat(r.held()).isTrue());
        assertThatThrownBy(() -> retention.confirmDeletion(review, "Past retention.", "ret.dsl"))
                .isInstanceOf(RetentionRejectedException.class).hasMessageContaining("legal hold");
        assertThat(count("SELECT COUNT(*) FROM incident WHERE id = :id", id)).isEqualTo(1);
        assertThat(audit.entriesFor("child_protection", Long.toString(id))).extracting(AuditEntry::action)
                .containsExactly("retention.deletion-refused");

        holds.lift(hold.id(), "Investigation closed.", "ret.dsl");
        retention.confirmDeletion(review, "Past retention.", "ret.dsl");

        assertThat(count("SELECT COUNT(*) FROM incident WHERE id = :id", id)).isZero();
        assertThat(audit.entriesFor("person", Long.toString(pupil))).extracting(AuditEntry::action)
                .containsExactly("retention.hold-placed", "retention.hold-lifted");
    }

    @Test
    void aHoldOnAnIncidentThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> holds.place("INCIDENT", 999_999_999L, "Just in case.", "ret.dsl"))
                .isInstanceOf(RetentionRejectedException.class).hasMessage("There is no incident 999999999.");
    }

    @Test
    void keepingARecordLongerTakesItOffTheListUntilTheDayChosen() {
        long id = incident(BEHAVIOUR_ROW, pupil(null, null));
        retention.scan(today.plusYears(6));
        long review = pending(RecordType.BEHAVIOUR, id).orElseThrow().id();

        retention.extend(review, today.plusYears(8), "Parents' complaint still open.", "ret.dsl");
        retention.scan(today.plusYears(8).minusDays(1));
        assertThat(pending(RecordType.BEHAVIOUR, id)).isEmpty();

        retention.scan(today.plusYears(8));
        assertThat(pending(RecordType.BEHAVIOUR, id)).isPresent();
        assertThat(audit.entriesFor("behaviour", Long.toString(id))).extracting(AuditEntry::action)
                .containsExactly("retention.extended");
    }

    @Test
    void keepingARecordNeedsAReasonAndAFutureDay() {
        long id = incident(BEHAVIOUR_ROW, pupil(null, null));
        retention.scan(today.plusYears(6));
        long review = pending(RecordType.BEHAVIOUR, id).orElseThrow().id();

        assertThatThrownBy(() -> retention.extend(review, today, "Still needed.", "ret.dsl"))
                .hasMessage("Choose a day after today to keep it until.");
        assertThatThrownBy(() -> retention.extend(review, today.plusYears(1), " ", "ret.dsl"))
                .hasMessage("Give a reason.");
        assertThat(pending(RecordType.BEHAVIOUR, id)).isPresent();
    }

    @Test
    void aLeaverIsListedAYearAfterLeavingUnlessAnIncidentNamesThem() {
        long leaver = pupil(LocalDate.of(2010, 1, 1), LocalDate.of(2020, 7, 20));
        long named = pupil(LocalDate.of(2010, 1, 1), LocalDate.of(2020, 7, 20));
        incident(BEHAVIOUR_ROW, named);

        retention.scan(LocalDate.of(2021, 7, 19));
        assertThat(pending(RecordType.LEAVER, leaver)).isEmpty();

        retention.scan(LocalDate.of(2021, 7, 20));
        assertThat(pending(RecordType.LEAVER, leaver)).isPresent();
        assertThat(pending(RecordType.LEAVER, named)).isEmpty();
    }

    @Test
    void deletingALeaverRemovesTheirEntryAndAccessRegister() {
        long leaver = pupil(LocalDate.of(2010, 1, 1), LocalDate.of(2020, 7, 20));
        jdbc.sql("INSERT INTO internet_access_event (person_id, action, occurred_at, actor, reason) "
                + "VALUES (:id, 'GRANTED', :now, 'system', 'on roll')").param("id", leaver)
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        retention.scan(today);

        retention.confirmDeletion(pending(RecordType.LEAVER, leaver).orElseThrow().id(), "Left over a year ago.", "ret.dsl");

        assertThat(count("SELECT COUNT(*) FROM person WHERE id = :id", leaver)).isZero();
        assertThat(count("SELECT COUNT(*) FROM internet_access_event WHERE person_id = :id", leaver)).isZero();
        assertThat(audit.entriesFor("leaver", Long.toString(leaver)).getLast().detailJson())
                .contains("\"internet_access_event\":1").doesNotContain("Ada");
        assertThat(audit.verify().intact()).isTrue();
    }

    /** The logs kept as one batch of rows: how to write a row of one, dated, and count a test's rows. */
    enum RowLog {
        LOGON_AUDIT(RecordType.LOGON_AUDIT, Period.ofYears(1),
                "INSERT INTO logon_attempt (attempted_at, username, source_ip, user_agent, outcome) "
                        + "VALUES (:at, :tag, '10.0.0.1', 'test', 'SUCCESS')",
                "SELECT COUNT(*) FROM logon_attempt WHERE username = :id"),
        ACTIVITY_SEARCH(RecordType.ACTIVITY_SEARCH, Period.ofYears(6),
                "INSERT INTO activity_search (searched_at, account_id, username, channel, criteria, rows_shown) "
                        + "VALUES (:at, 1, 'ret.dsl', 'web', :tag, 3)",
                "SELECT COUNT(*) FROM activity_search WHERE criteria = :id");

        final RecordType type;
        final Period period;
        final String insert;
        final String count;

        RowLog(RecordType type, Period period, String insert, String count) {
            this.type = type;
            this.period = period;
            this.insert = insert;
            this.count = count;
        }
    }

    @ParameterizedTest
    @EnumSource(RowLog.class)
    void oldRowsOfALogAreOneBatchAndOnlyThoseBeforeTheCutOffAreDeleted(RowLog log) {
        String tag = "ret.log." + UUID.randomUUID().toString().substring(0, 6);
        for (OffsetDateTime at : List.of(OffsetDateTime.of(2001, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2001, 2, 1, 9, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))) {
            jdbc.sql(log.insert).param("at", at).param("tag", tag).update();
        }
        retention.scan(today);
        RetentionService.Review batch = pending(log.type, today.minus(log.period)).orElseThrow();
        assertThat(batch.summary()).endsWith("rows dated before "
                + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today.minus(log.period)));

        retention.confirmDeletion(batch.id(), "Kept as long as the policy says.", "ret.dsl");

        assertThat(count(log.count, tag)).isEqualTo(1);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void decisionLogFilesBeforeTheCutOffAreDeletedKeepingTheirDigests() throws Exception {
        Path dir = lantern.dataDir().resolve("decisions");
        Files.createDirectories(dir);
        String oldContent = "{\"url\":\"http://x.example/\"}\n";
        Path old = Files.writeString(dir.resolve("decisions-2001-03-04.jsonl"), oldContent, StandardCharsets.UTF_8);
        Path recent = Files.writeString(dir.resolve("decisions-2001-09-04.jsonl"), "{}\n", StandardCharsets.UTF_8);
        try {
            retention.scan(LocalDate.of(2002, 6, 1));
            long review = pending(RecordType.DECISION_LOG, LocalDate.of(2001, 6, 1)).orElseThrow().id();

            retention.confirmDeletion(review, "A year of logs is kept.", "ret.dsl");

            assertThat(old).doesNotExist();
            assertThat(recent).exists();
            assertThat(audit.entriesFor("decision_log", "2001-06-01").getLast().detailJson())
                    .contains("decisions-2001-03-04.jsonl", HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(oldContent.getBytes(StandardCharsets.UTF_8))));
        } finally {
            Files.deleteIfExists(old);
            Files.deleteIfExists(recent);
        }
    }
}
