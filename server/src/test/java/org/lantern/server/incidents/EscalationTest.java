package org.lantern.server.incidents;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
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

/**
 * Continued infringements: a further incident for the same person within the escalation period
 * (30 days by default) also gets the actions of the table's "Continued infringements" row.
 */
@PersistenceTest
@AutoConfigureMockMvc
class EscalationTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);

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
    AuditChain audit;

    Authentication teacher;
    Authentication dsl;
    long pupil;
    long staffMember;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "esc.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "esc.dsl", Role.DSL);
        pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Esc"));
        staffMember = TestPeople.person(jdbc, "STAFF", "Sam", TestPeople.unique("Escstaff"));
    }

    private Incident record(SubjectType type, long person, String category, OffsetDateTime at) {
        return incidents.record(new NewIncident(type, category, List.of(person), at, null, "Again.", null, List.of()),
                Viewer.of(teacher));
    }

    @Test
    void aSecondPupilIncidentWithinThePeriodAddsTheContinuedInfringementActionsAndLinksTheFirst() {
        Incident first = record(SubjectType.PUPIL, pupil, "mobile-device-misuse", NOW.minusDays(10));

        Incident second = record(SubjectType.PUPIL, pupil, "social-media-misuse", NOW);

        assertThat(second.escalatedFrom()).containsExactly(first.id());
        // social-media-misuse ticks refer-to-dsl, inform-parents, targeted-support; the continued
        // infringements row adds the ones it lacks, each saying why.
        assertThat(second.actions()).extracting(IncidentAction::columnId).containsExactly("refer-to-dsl",
                "inform-parents", "targeted-support", "record-on-cpoms", "refer-to-headteacher", "remove-network-access");
        assertThat(second.actions().subList(3, 6)).allSatisfy(a ->
                assertThat(a.addedReason()).contains("Continued infringement", "30 days", Long.toString(first.id())));
        assertThat(first.escalated()).isFalse();
    }

    @Test
    void aSecondStaffIncidentWithinThePeriodAddsTheStaffTablesContinuedInfringementActions() {
        Incident first = record(SubjectType.STAFF, staffMember, "unauthorised-downloading", NOW.minusDays(3));

        Incident second = record(SubjectType.STAFF, staffMember, "breaching-copyright", NOW);

        assertThat(second.escalatedFrom()).containsExactly(first.id());
        assertThat(second.actions()).extracting(IncidentAction::columnId).containsExactly("refer-to-line-manager",
                "warning", "suspension", "disciplinary-action", "refer-to-headteacher");
    }

    @Test
    void anIncidentOutsideThePeriodIsNotEscalated() {
        record(SubjectType.PUPIL, pupil, "mobile-device-misuse", NOW.minusDays(31));

        Incident later = record(SubjectType.PUPIL, pupil, "social-media-misuse", NOW);

        assertThat(later.escalated()).isFalse();
        assertThat(later.actions()).extracting(IncidentAction::columnId)
                .containsExactly("refer-to-dsl", "inform-parents", "targeted-support");
    }

    @Test
    void thePeriodIsConfigurable() {
        Incident first = record(SubjectType.PUPIL, pupil, "mobile-device-misuse", NOW.minusDays(10));
        Incident second = record(SubjectType.PUPIL, pupil, "social-media-misuse", NOW);
        Escalation weekly = new Escalation(jdbc, new IncidentRules(Duration.ofDays(7), null, null));

        assertThat(second.escalatedFrom()).containsExactly(first.id());
        assertThat(weekly.earlierIncidents(second.id(), List.of(pupil), NOW)).isEmpty();
    }

    @Test
    void anotherPupilsIncidentDoesNotEscalate() {
        long other = TestPeople.pupil(jdbc, "Bea", TestPeople.unique("Esc"));
        record(SubjectType.PUPIL, other, "mobile-device-misuse", NOW.minusDays(1));

        assertThat(record(SubjectType.PUPIL, pupil, "social-media-misuse", NOW).escalated()).isFalse();
    }

    @Test
    void aPupilsOwnReportOfAConcernIsNotAnInfringement() {
        long account = accountService.create(TestPeople.unique("escpupil"), "Pupil", Role.PUPIL, "pupil password 1", "test");
        jdbc.sql("UPDATE person SET account_id = :a WHERE id = :p").param("a", account).param("p", pupil).update();
        reports.report(new ConcernReports.Report("Someone keeps messaging me.", null, null, null, false, null),
                new ConcernReports.Reporter(new Viewer(account, "escpupil", false), "10.0.0.1"));

        assertThat(record(SubjectType.PUPIL, pupil, "social-media-misuse", NOW).escalated()).isFalse();
    }

    @Test
    void escalationIsAuditedWithTheEarlierIncidentsAndTheAddedActions() {
        Incident first = record(SubjectType.PUPIL, pupil, "mobile-device-misuse", NOW.minusDays(2));

        Incident second = record(SubjectType.PUPIL, pupil, "social-media-misuse", NOW);

        assertThat(audit.entriesFor("incident", Long.toString(second.id()))).extracting(AuditEntry::action)
                .containsExactly("incident.recorded", "incident.escalated");
        assertThat(audit.entriesFor("incident", Long.toString(second.id())).get(1).detailJson())
                .contains("\"earlierIncidents\":[" + first.id() + "]", "remove-network-access");
    }

    @Test
    void theRecordSaysItWasEscalatedAndLinksTheEarlierIncident() throws Exception {
        Incident first = record(SubjectType.PUPIL, pupil, "mobile-device-misuse", NOW.minusDays(2));
        Incident second = record(SubjectType.PUPIL, pupil, "social-media-misuse", NOW);

        String page = mvc.perform(get("/incidents/" + second.id()).with(authentication(dsl))).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("Escalated: a continued infringement", "href=\"/incidents/" + first.id() + "\"");
    }
}
