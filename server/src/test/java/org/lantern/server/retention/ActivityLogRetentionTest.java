package org.lantern.server.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestActivity;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity log's retention on H2 and PostgreSQL: whole days before the first kept day go,
 * except a held person's, and the run is audited and remembered for the retention page. The days
 * are in 2002, which no other test's rows reach, because every test context shares one store.
 */
@PersistenceTest
class ActivityLogRetentionTest {

    /** A day in school year 2002/03: by default the log keeps from 1 April 2002. */
    private static final LocalDate TODAY = LocalDate.of(2002, 12, 2);
    private static final Instant LAST_DAY_DELETED = Instant.parse("2002-03-31T12:00:00Z");
    private static final Instant FIRST_DAY_KEPT = Instant.parse("2002-04-01T00:00:00Z");

    @Autowired
    ActivityLogRetention activityLog;
    @Autowired
    RetentionService retention;
    @Autowired
    LegalHolds holds;
    @Autowired
    ActivityStore store;
    @Autowired
    AuditChain audit;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;

    long held;
    long notHeld;

    /** What a legal hold is placed on. */
    enum HoldOn { PERSON, INCIDENT }

    @BeforeEach
    void setUp() {
        jdbc.sql("DELETE FROM legal_hold").update();
        jdbc.sql("DELETE FROM activity_log_retention_setting").update();
        held = TestPeople.pupil(jdbc, "Held", TestPeople.unique("Pupil"));
        notHeld = TestPeople.pupil(jdbc, "Free", TestPeople.unique("Pupil"));
        TestActivity.append(store,
                TestActivity.row(LAST_DAY_DELETED, held, "held-old.example", "ALLOW", "education"),
                TestActivity.row(FIRST_DAY_KEPT, held, "held-new.example", "ALLOW", "education"),
                TestActivity.row(LAST_DAY_DELETED, notHeld, "free-old.example", "BLOCK", "gambling"),
                TestActivity.row(FIRST_DAY_KEPT, notHeld, "free-new.example", "ALLOW", "education"));
    }

    @ParameterizedTest
    @EnumSource(HoldOn.class)
    void daysBeforeTheFirstKeptDayGoExceptAHeldPersons(HoldOn on) {
        Authentication dsl = TestUsers.signedIn(accountService, accounts, "alr.dsl", Role.DSL);
        long target = on == HoldOn.PERSON ? held : incidents.record(new NewIncident(SubjectType.PUPIL,
                "mobile-device-misuse", List.of(held), OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null,
                "Saw the screen.", null, List.of()), Viewer.of(dsl)).id();
        holds.place(on.name(), target, "Police investigation", "alr.dsl");

        ActivityLogRetention.Run run = activityLog.enforce(TODAY);

        assertThat(run.firstKeptDay()).isEqualTo(LocalDate.of(2002, 4, 1));
        assertThat(run.rowsDeleted()).isPositive();
        assertThat(hosts(held)).containsExactly("held-new.example", "held-old.example");
        assertThat(hosts(notHeld)).containsExactly("free-new.example");
    }

    @Test
    void eachRunIsAuditedAndTheLastIsRemembered() {
        ActivityLogRetention.Run run = activityLog.enforce(TODAY);

        assertThat(audit.latest(ActivityLogRetention.DELETED)).hasValueSatisfying(entry -> {
            assertThat(entry.actor()).isEqualTo("lantern");
            assertThat(entry.recordId()).isEqualTo("2002-04-01");
            assertThat(entry.detailJson()).contains("\"rowsDeleted\":" + run.rowsDeleted());
        });
        assertThat(activityLog.lastRun()).contains(run);
        assertThat(audit.verify().intact()).isTrue();
    }

    private List<String> hosts(long personId) {
        ActivityQuery query = new ActivityQuery(Instant.parse("2002-01-01T00:00:00Z"), Instant.parse("2003-01-01T00:00:00Z"),
                personId, null, null, null, null, null, null, null, null, null);
        return store.search(query, null, 10).rows().stream().map(ActivityRow::host).toList();
    }
}
