package org.lantern.server.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.lantern.server.unblocking.UnblockDraft;
import org.lantern.server.unblocking.UnblockRequest;
import org.lantern.server.unblocking.Unblocks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The DSL's weekly summary. The database is shared with other test classes, so each test looks for
 * its own records in the summary rather than counting everything.
 */
@PersistenceTest
@AutoConfigureMockMvc
class WeeklySummaryTest {

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
    WeeklySummaries summaries;
    @Autowired
    Unblocks unblocks;
    @Autowired
    RecordAccessLog accessLog;

    Authentication teacher;
    Authentication dsl;
    long pupil;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "weekly.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "weekly.dsl", Role.DSL);
        pupil = ReportFixtures.pupil(jdbc, "Wendell", TestPeople.unique("Weekly"), null, "8");
    }

    private Incident record(OffsetDateTime occurred) {
        return incidents.record(new NewIncident(SubjectType.PUPIL, "social-media-misuse", List.of(pupil), occurred,
                null, "Messages.", null, List.of()), Viewer.of(teacher));
    }

    @Test
    void anIncidentRecordedThisWeekIsListedAndCountedByCategory() {
        Incident incident = record(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));

        WeeklySummary summary = summaries.build(Viewer.of(dsl), OffsetDateTime.now(ZoneOffset.UTC));

        assertThat(summary.newIncidents()).anySatisfy(i -> assertThat(i.incidentId()).isEqualTo(incident.id()));
        assertThat(summary.newByCategory()).anySatisfy(c -> {
            assertThat(c.category()).startsWith("Unauthorised / inappropriate use of social media");
            assertThat(c.count()).isPositive();
        });
    }

    @Test
    void anIncidentRecordedEightDaysAgoIsNotNewButItsOverdueActionsAreListed() {
        Incident incident = record(OffsetDateTime.now(ZoneOffset.UTC).minusDays(9));
        jdbc.sql("UPDATE incident SET recorded_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(8)).param("id", incident.id()).update();
        long overdue = incident.actions().getFirst().id();
        long dueSoon = incident.actions().get(1).id();
        jdbc.sql("UPDATE incident_action SET due_on = :due WHERE id = :id")
                .param("due", People.today().minusDays(2)).param("id", overdue).update();
        jdbc.sql("UPDATE incident_action SET due_on = :due WHERE id = :id")
                .param("due", People.today().plusDays(1)).param("id", dueSoon).update();

        WeeklySummary summary = summaries.build(Viewer.of(dsl), OffsetDateTime.now(ZoneOffset.UTC));

        assertThat(summary.newIncidents()).noneMatch(i -> i.incidentId() == incident.id());
        assertThat(summary.overdue()).extracting(WeeklySummary.ActionLine::actionId).contains(overdue).doesNotContain(dueSoon);
        assertThat(summary.dueSoon()).extracting(WeeklySummary.ActionLine::actionId).contains(dueSoon).doesNotContain(overdue);
        assertThat(summary.openByOwner()).anySatisfy(o -> assertThat(o.ownerRole()).isEqualTo("DSL"));
    }

    @Test
    void aPendingUnblockRequestIsListed() {
        Instant now = Instant.now();
        UnblockRequest request = unblocks.request(new UnblockDraft("https://weekly-" + TestPeople.unique("") + ".example/",
                Scope.DOMAIN, List.of("ks4"), List.of(), "Research for a project", null, now.plus(Duration.ofDays(3))),
                "weekly.teacher", now);

        WeeklySummary summary = summaries.build(Viewer.of(dsl), OffsetDateTime.now(ZoneOffset.UTC));

        assertThat(summary.pendingUnblocks()).anySatisfy(u -> {
            assertThat(u.requestId()).isEqualTo(request.id());
            assertThat(u.requestedBy()).isEqualTo("weekly.teacher");
        });
    }

    @Test
    void eachIncidentTheSummaryMentionsIsLoggedAsSeenByTheDsl() {
        Incident incident = record(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));

        summaries.build(Viewer.of(dsl), OffsetDateTime.now(ZoneOffset.UTC));

        assertThat(accessLog.forIncident(incident.id()))
                .anyMatch(a -> a.username().equals("weekly.dsl") && a.channel() == Channel.LIST && a.allowed());
    }

    @Test
    void thePageLinksToEachNewIncidentAndItsActions() throws Exception {
        Incident incident = record(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));

        String page = mvc.perform(get("/reports/weekly").with(authentication(dsl))).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("href=\"/incidents/" + incident.id() + "\"", "Weekly safeguarding summary",
                "Unblock requests waiting");
    }
}
