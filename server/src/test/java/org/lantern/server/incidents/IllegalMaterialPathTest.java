package org.lantern.server.incidents;

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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The illegal-material path (seed 002, "Illegal Incidents"): a child-protection record, monitoring
 * of the item halted and its address redacted outside the record, and an investigation that closes
 * only with two senior staff, the designated computer and the outcome.
 */
@PersistenceTest
@AutoConfigureMockMvc
class IllegalMaterialPathTest {

    private static final String URL = "http://bad.example/very/specific/path?id=42";

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
    Investigations investigations;
    @Autowired
    Chronology chronology;
    @Autowired
    AuditChain audit;

    Authentication teacher;
    Authentication dsl;
    long dslId;
    long deputyId;
    long headId;
    long teacherId;
    long pupil;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "ill.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "ill.dsl", Role.DSL);
        TestUsers.signedIn(accountService, accounts, "ill.deputy", Role.DEPUTY_DSL);
        TestUsers.signedIn(accountService, accounts, "ill.head", Role.HEADTEACHER);
        dslId = accounts.idOf("ill.dsl").orElseThrow();
        deputyId = accounts.idOf("ill.deputy").orElseThrow();
        headId = accounts.idOf("ill.head").orElseThrow();
        teacherId = accounts.idOf("ill.teacher").orElseThrow();
        pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Ill"));
    }

    private Incident illegal() {
        return incidents.record(new NewIncident(SubjectType.PUPIL, "accessing-illegal-material", List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), "Library", "Tried to reach it.", null, List.of(URL)),
                Viewer.of(teacher));
    }

    @Test
    void aRowAboutIllegalMaterialMakesAChildProtectionRecordWithMonitoringHalted() {
        Incident incident = illegal();

        assertThat(incident.illegalPath()).isTrue();
        assertThat(incident.recordKind()).isEqualTo(RecordKind.CHILD_PROTECTION);
        assertThat(incident.investigation().monitoringHaltedBy()).isEqualTo("ill.teacher");
        assertThat(incident.investigation().closed()).isFalse();
        assertThat(audit.entriesFor("incident", Long.toString(incident.id()))).extracting(AuditEntry::action)
                .containsExactly("incident.recorded", "incident.monitoring-halted");
    }

    @Test
    void theStaffTablesIllegalRowFollowsThePathThoughItDoesNotTickThePolice() {
        long staff = TestPeople.person(jdbc, "STAFF", "Sam", TestPeople.unique("Ill"));

        Incident incident = incidents.record(new NewIncident(SubjectType.STAFF, "accessing-illegal-material",
                List.of(staff), OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "Seen.", null, List.of()),
                Viewer.of(dsl));

        assertThat(incident.illegalPath()).isTrue();
    }

    @Test
    void aSuspicionTickedByTheRecorderPutsAnyCategoryOnThePath() {
        Incident incident = incidents.record(new NewIncident(SubjectType.PUPIL, "social-media-misuse", List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "Images were sent.", null, List.of(),
                RecordKind.BEHAVIOUR, true), Viewer.of(teacher));

        assertThat(incident.illegalPath()).isTrue();
        assertThat(incident.recordKind()).isEqualTo(RecordKind.CHILD_PROTECTION);
    }

    @Test
    void theInvestigationCannotCloseWithoutTwoSeniorStaffTheComputerAndTheOutcome() {
        Incident incident = illegal();

        assertThatThrownBy(() -> investigations.save(incident.id(),
                new Investigations.Update(List.of(dslId, dslId), " ", "", true), "ill.dsl"))
                .isInstanceOf(IncidentRejectedException.class)
                .satisfies(e -> assertThat(((IncidentRejectedException) e).problems()).containsExactly(
                        "The designated computer must be given.", "The outcome must be given.",
                        "Name at least two different senior members of staff (DSL, deputy DSL or headteacher) "
                                + "who were involved: the policy requires more than one."));
        assertThat(incidents.read(incident.id(), Viewer.of(dsl), Channel.API).orElseThrow().investigation().closed()).isFalse();
    }

    @Test
    void aTeacherIsNotSeniorStaffForAnInvestigation() {
        Incident incident = illegal();

        assertThatThrownBy(() -> investigations.save(incident.id(),
                new Investigations.Update(List.of(dslId, teacherId), "ICT office PC 3", "No substance.", true), "ill.dsl"))
                .isInstanceOf(IncidentRejectedException.class)
                .hasMessageContaining("Account " + teacherId + " is not an enabled DSL, deputy DSL or headteacher account.");
    }

    @Test
    void progressCanBeSavedAndTheInvestigationClosedWithEverythingItNeeds() {
        Incident incident = illegal();
        investigations.save(incident.id(), new Investigations.Update(List.of(dslId), "ICT office PC 3", null, false), "ill.dsl");

        Incident closed = investigations.save(incident.id(), new Investigations.Update(List.of(dslId, headId),
                "ICT office PC 3", "Substance found; referred to the police (ref 123).", true), "ill.dsl");

        Investigation done = closed.investigation();
        assertThat(done.closed()).isTrue();
        assertThat(done.closedBy()).isEqualTo("ill.dsl");
        assertThat(done.seniorStaff()).extracting(Investigation.Investigator::username).containsExactly("ill.dsl", "ill.head");
        assertThat(done.designatedComputer()).isEqualTo("ICT office PC 3");
        assertThat(audit.entriesFor("incident", Long.toString(incident.id()))).extracting(AuditEntry::action)
                .endsWith("incident.investigation.updated", "incident.investigation.closed");
        assertThat(audit.entriesFor("incident", Long.toString(incident.id())).getLast().detailJson())
                .doesNotContain("ICT office", "police");
    }

    @Test
    void aClosedInvestigationCannotBeChanged() {
        Incident incident = illegal();
        investigations.save(incident.id(), new Investigations.Update(List.of(dslId, deputyId), "PC 3", "None.", true), "ill.dsl");

        assertThatThrownBy(() -> investigations.save(incident.id(),
                new Investigations.Update(List.of(dslId, deputyId), "PC 4", "Changed.", false), "ill.dsl"))
                .isInstanceOf(IncidentRejectedException.class).hasMessageContaining("The investigation was closed by ill.dsl");
    }

    @Test
    void anIncidentOffThePathHasNoInvestigation() {
        Incident ordinary = incidents.record(IncidentFixtures.pupilIncident(pupil, "mobile-device-misuse"), Viewer.of(teacher));

        assertThat(ordinary.investigation()).isNull();
        assertThatThrownBy(() -> investigations.save(ordinary.id(), new Investigations.Update(List.of(), "PC", "x", false),
                "ill.dsl")).isInstanceOf(IncidentRejectedException.class).hasMessageContaining("not on the illegal-material path");
    }

    @Test
    void theAddressIsRedactedInTheChronologyButKeptOnTheRecordForThePolice() {
        Incident incident = illegal();

        Chronology.View view = chronology.read(pupil, Viewer.of(dsl), false).orElseThrow();

        assertThat(view.entries()).extracting(ChronologyEntry::detail).filteredOn(d -> d != null)
                .noneMatch(d -> d.contains("very/specific")).anyMatch(d -> d.contains("http://bad.example/…"));
        assertThat(incident.links()).containsExactly(URL);
    }

    @Test
    void theRecordTellsStaffWhatToDoAndTheFormOffersThePath() throws Exception {
        Incident incident = illegal();

        String page = mvc.perform(get("/incidents/" + incident.id()).with(authentication(dsl))).andReturn()
                .getResponse().getContentAsString();
        String form = mvc.perform(get("/incidents/new").with(authentication(teacher))).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("Do not open, copy, print, screenshot or forward", "Refer to the police immediately",
                "Monitoring of the item halted", "Close the investigation");
        assertThat(form).contains("do not open, copy, print, screenshot or forward it", "isolate the device",
                "I suspect this involves illegal material");
    }

    @Test
    void theInvestigationFormClosesItAndAProblemKeepsWhatWasTyped() throws Exception {
        Incident incident = illegal();
        String path = "/incidents/" + incident.id() + "/investigation";

        MvcResult refused = mvc.perform(post(path).with(authentication(dsl)).with(csrf())
                .param("seniorStaff", Long.toString(dslId)).param("designatedComputer", "PC 9")
                .param("outcome", "Typed outcome").param("step", "close")).andReturn();
        assertThat(refused.getFlashMap().get("investigationForm")).isEqualTo(
                new Investigations.Update(List.of(dslId), "PC 9", "Typed outcome", true));

        mvc.perform(post(path).with(authentication(dsl)).with(csrf()).param("seniorStaff", Long.toString(dslId))
                .param("seniorStaff", Long.toString(deputyId)).param("designatedComputer", "PC 9")
                .param("outcome", "Typed outcome").param("step", "close"));
        assertThat(incidents.read(incident.id(), Viewer.of(dsl), Channel.API).orElseThrow().investigation().closed()).isTrue();
    }

    @Test
    void theApiClosesTheInvestigation() throws Exception {
        Incident incident = illegal();

        MvcResult result = mvc.perform(post("/api/v1/incidents/" + incident.id() + "/investigation").with(authentication(dsl))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"seniorStaffAccountIds": [%d, %d], "designatedComputer": "PC 1", "outcome": "Referred.", "close": true}
                        """.formatted(dslId, headId))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("\"closedBy\":\"ill.dsl\"");
    }
}
