package org.lantern.server.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.server.alerts.AlertFixtures;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.dataprotection.BreachRegister;
import org.lantern.server.dataprotection.SubjectAccessRequests;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.CaseActor;
import org.lantern.server.incidents.CaseService;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.ConcernReports;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.IncidentTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The DSL's team's dashboard opens on Today: what needs doing, counted, linked, and gone once done. */
@PersistenceTest
@AutoConfigureMockMvc
class TodayListTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncidentService incidents;
    @Autowired
    ConcernReports reports;
    @Autowired
    CaseService cases;
    @Autowired
    BreachRegister breaches;
    @Autowired
    SubjectAccessRequests requests;
    @Autowired
    AlertRegister alerts;
    @Autowired
    RecordAccessLog accessLog;

    Authentication dsl;
    Authentication deputy;
    Authentication teacher;
    long pupil;

    @BeforeEach
    void setUp() {
        // The list counts everything in the database, which other test classes share: start from nothing.
        IncidentTables.delete(jdbc, "SELECT id FROM incident", Map.of());
        AlertTables.clear(jdbc);
        for (String table : List.of("subject_access_export", "subject_access_request", "data_breach")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        dsl = TestUsers.signedIn(accountService, accounts, "today.dsl", Role.DSL);
        deputy = TestUsers.signedIn(accountService, accounts, "today.deputy", Role.DEPUTY_DSL);
        teacher = TestUsers.signedIn(accountService, accounts, "today.teacher", Role.STAFF);
        pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Today"));
    }

    /** The Today section of the user's dashboard, or an empty string if it has none. */
    private String today(Authentication user) throws Exception {
        String page = mvc.perform(get("/").with(authentication(user))).andReturn().getResponse().getContentAsString();
        int start = page.indexOf("id=\"today\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</section>", start));
    }

    private long pupilsReport() {
        return reports.report(new ConcernReports.Report("Someone in a game keeps asking for photos.", null, null, null,
                true, null), new ConcernReports.Reporter(null, "10.0.0.9"));
    }

    private Incident recordedByTeacher() {
        return incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse", List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "Filmed a pupil.", null, List.of(),
                RecordKind.BEHAVIOUR, false), Viewer.of(teacher));
    }

    @Test
    void withNothingToDoItSaysSo() throws Exception {
        assertThat(today(dsl)).contains("Today: <span>0</span> to look at", "Nothing needs doing today");
    }

    @Test
    void aPupilsReportAndAnOverdueActionAreListedUntilTheTeamOpensAndOwnsThem() throws Exception {
        long report = pupilsReport();
        Incident incident = recordedByTeacher();
        long overdue = incident.actions().getFirst().id();
        jdbc.sql("UPDATE incident_action SET due_on = :day WHERE id = :id")
                .param("day", People.today().minusDays(2)).param("id", overdue).update();
        cases.changeActionOwner(incident.id(), overdue, Viewer.of(deputy).accountId(), CaseActor.of(dsl));

        String before = today(dsl);

        assertThat(before).contains("New concerns and pupils' reports (<span>2</span>)",
                "href=\"/incidents/" + report + "\">Pupil&#39;s report " + report + ": Concern reported by a pupil",
                "Refer to DSL (incident " + incident.id() + ")", "overdue since", "owner Test today.deputy",
                "Cases that need an owner (<span>2</span>)").doesNotContain("Nothing needs doing today");
        assertThat(today(deputy)).isEqualTo(before);
        assertThat(accessLog.forIncident(report)).extracting(RecordAccessLog.Access::channel).containsOnly(Channel.LIST);

        mvc.perform(get("/incidents/" + report).with(authentication(deputy)));
        cases.changeOwner(report, Viewer.of(dsl).accountId(), CaseActor.of(deputy));
        String after = today(dsl);

        assertThat(after).contains("New concerns and pupils' reports (<span>1</span>)",
                "Cases that need an owner (<span>1</span>)").doesNotContain("Pupil&#39;s report " + report);
    }

    @Test
    void breachesAndRequestsDueAreForWhoeverKeepsTheRegistersAndNewAlertsForTheWholeTeam() throws Exception {
        OffsetDateTime aware = OffsetDateTime.now(ZoneOffset.UTC).minusHours(10);
        breaches.record(new BreachRegister.NewBreach(aware, aware, "Class list emailed to the wrong parent.", "Names", 30),
                "today.dsl");
        requests.record(new SubjectAccessRequests.NewRequest("A parent", "parent", pupil,
                People.today().minusDays(25), true, "Known to the office."), "today.dsl");
        alerts.record(AlertFixtures.illegal("http://illegal.example/x", pupil, "Ada", "ada", "10.0.0.7",
                Instant.now().truncatedTo(ChronoUnit.SECONDS)));

        String forDsl = today(dsl);
        String forDeputy = today(deputy);

        assertThat(forDsl).contains("Breaches the ICO may need to hear of within 72 hours (<span>1</span>)",
                "Class list emailed to the wrong parent.", "hours", "left", "Subject access requests due (<span>1</span>)",
                "New alerts (<span>1</span>)");
        assertThat(forDeputy).contains("New alerts (<span>1</span>)").doesNotContain("Breaches", "Subject access");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"HEADTEACHER", "STAFF", "ADMIN", "GOVERNOR", "PUPIL"})
    void otherRolesKeepTheirOwnDashboard(Role role) throws Exception {
        pupilsReport();

        assertThat(today(TestUsers.signedIn(accountService, accounts, "today." + role.name().toLowerCase(), role))).isEmpty();
    }
}
