package org.lantern.server.retention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.reports.SchoolYear;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.RetentionTables;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The retention page: the review list, decisions through its forms, and the check's progress. */
@PersistenceTest
@AutoConfigureMockMvc
class RetentionPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RetentionService retention;
    @Autowired
    ScanProgress progress;
    @Autowired
    ActivityLogRetention activityLog;
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

    Authentication dsl;
    long incident;

    @BeforeEach
    void setUp() {
        RetentionTables.clear(jdbc);
        jdbc.sql("DELETE FROM activity_log_retention_setting").update();
        dsl = TestUsers.signedIn(accountService, accounts, "retp.dsl", Role.DSL);
        String surname = "Pupil" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, year_group, date_of_birth, created_at, "
                        + "updated_at) VALUES ('PUPIL', 'Ada', :last, '7', :born, :now, :now)")
                .param("last", surname).param("born", LocalDate.of(1995, 3, 1)).param("now", now).update();
        long pupil = jdbc.sql("SELECT id FROM person WHERE legal_last_name = :last").param("last", surname)
                .query(Long.class).single();
        incident = incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse", List.of(pupil),
                now.minusHours(1), null, "Saw the screen.", null, List.of()), Viewer.of(dsl)).id();
        retention.scan(People.today());
    }

    private long review() {
        return retention.reviews().stream().filter(r -> r.key().equals(Long.toString(incident))).findFirst()
                .orElseThrow().id();
    }

    @Test
    void thePageListsTheRecordWithItsRuleAndBothDecisions() throws Exception {
        String html = mvc.perform(get("/retention").with(authentication(dsl))).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("Child-protection incident " + incident, "date of birth 1995-03-01 + 25 years",
                "Delete permanently", "Keep longer", "Place a legal hold", "Last check finished");
        assertThat(html).doesNotContain("Saw the screen.");
    }

    @Test
    void thePageShowsWhatTheActivityLogKeepsAndItsLastRun() throws Exception {
        activityLog.enforce(LocalDate.of(2002, 12, 2));

        String html = mvc.perform(get("/retention").with(authentication(dsl))).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("Activity log", "the current school year and the summer term before it",
                "1 Apr " + SchoolYear.current().startYear(), "rows deleted from before 1 Apr 2002");
    }

    /** Other tests expect the installation's default period. */
    @AfterEach
    void backToTheDefaultPeriod() {
        jdbc.sql("DELETE FROM activity_log_retention_setting").update();
    }

    @Test
    void theActivityLogsPeriodIsChangedOnThePageAuditedAndKeptToAndCanGoBackToTheDefault() throws Exception {
        MvcResult result = mvc.perform(post("/retention/activity-log").param("days", " 30 ")
                .param("reason", "Governors agreed a shorter period.").with(authentication(dsl)).with(csrf())).andReturn();

        assertThat(result.getFlashMap().get("problem")).isNull();
        assertThat(activityLog.keeps()).isEqualTo("the last 30 days");
        assertThat(activityLog.firstKeptDay(LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(audit.latest(ActivityLogRetention.PERIOD_CHOSEN)).hasValueSatisfying(entry -> {
            assertThat(entry.actor()).isEqualTo("retp.dsl");
            assertThat(entry.detailJson()).contains("\"periodDays\":30", "the last 30 days");
        });
        String html = mvc.perform(get("/retention").with(authentication(dsl))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("the last 30 days", "value=\"30\"");

        mvc.perform(post("/retention/activity-log").param("days", "").param("reason", "Back to the policy.")
                .with(authentication(dsl)).with(csrf()));

        assertThat(activityLog.keeps()).isEqualTo("the current school year and the summer term before it (from 1 April)");
        assertThat(activityLog.chosenDays()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity_log_retention_setting").query(Long.class).single())
                .as("every choice is kept").isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|A reason.|The activity log's period must be a whole number of days from 1 to 3650",
        "3651|A reason.|The activity log's period must be a whole number of days from 1 to 3650",
        "thirty|A reason.|The activity log's period must be a whole number of days from 1 to 3650",
        "30.5|A reason.|The activity log's period must be a whole number of days from 1 to 3650",
        "30|' '|Give a reason.",
    })
    void aBadPeriodOrNoReasonChangesNothingAndSaysWhy(String days, String reason, String problem) throws Exception {
        MvcResult result = mvc.perform(post("/retention/activity-log").param("days", days).param("reason", reason)
                .with(authentication(dsl)).with(csrf())).andReturn();

        assertThat((String) result.getFlashMap().get("problem")).startsWith(problem);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity_log_retention_setting").query(Long.class).single()).isZero();
        assertThat(activityLog.keeps()).startsWith("the current school year");
    }

    @Test
    void deletingWithoutAReasonChangesNothingAndSaysWhy() throws Exception {
        MvcResult result = mvc.perform(post("/retention/" + review() + "/delete").param("reason", " ")
                .with(authentication(dsl)).with(csrf())).andReturn();

        assertThat(result.getFlashMap().get("problem")).isEqualTo("Give a reason.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE id = :id").param("id", incident)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deletingWithAReasonRemovesTheRecord() throws Exception {
        MvcResult result = mvc.perform(post("/retention/" + review() + "/delete").param("reason", "Reviewed; past retention.")
                .with(authentication(dsl)).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/retention");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE id = :id").param("id", incident)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCheckStartedFromThePageRunsInTheBackgroundAndReportsItsProgress() throws Exception {
        mvc.perform(post("/retention/check").with(authentication(dsl)).with(csrf()));

        await().until(() -> !progress.current().running());
        ScanProgress.Snapshot done = progress.current();
        assertThat(done.checked()).isEqualTo(done.total()).isPositive();
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.finishedAt()).isNotNull();
    }
}
