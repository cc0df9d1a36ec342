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
 * Child-protection records are kept apart from behaviour records: listed separately and read only
 * by the DSL and deputies; anyone else, the headteacher and the recorder included, gets a logged 404.
 */
@PersistenceTest
@AutoConfigureMockMvc
class ChildProtectionRecordsTest {

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
    RecordAccessLog accessLog;
    @Autowired
    AuditChain audit;

    Authentication teacher;
    Authentication dsl;
    Authentication deputy;
    Authentication head;
    long pupil;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "cp.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "cp.dsl", Role.DSL);
        deputy = TestUsers.signedIn(accountService, accounts, "cp.deputy", Role.DEPUTY_DSL);
        head = TestUsers.signedIn(accountService, accounts, "cp.head", Role.HEADTEACHER);
        pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Cp"));
    }

    private Incident record(RecordKind kind, String description) {
        return incidents.record(new NewIncident(SubjectType.PUPIL, "social-media-misuse", List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, description, null, List.of(), kind, false),
                Viewer.of(teacher));
    }

    private int status(String path, Authentication user) throws Exception {
        return mvc.perform(get(path).with(authentication(user))).andReturn().getResponse().getStatus();
    }

    @Test
    void theDslAndDeputiesReadAChildProtectionRecord() throws Exception {
        Incident cp = record(RecordKind.CHILD_PROTECTION, "Disclosed worries at home.");

        assertThat(status("/incidents/" + cp.id(), dsl)).isEqualTo(200);
        assertThat(status("/incidents/" + cp.id(), deputy)).isEqualTo(200);
    }

    @Test
    void theHeadteacherAndTheRecorderGetALoggedNotFound() throws Exception {
        Incident cp = record(RecordKind.CHILD_PROTECTION, "Disclosed worries at home.");

        assertThat(status("/incidents/" + cp.id(), head)).isEqualTo(404);
        assertThat(status("/incidents/" + cp.id(), teacher)).isEqualTo(404);
        assertThat(status("/api/v1/incidents/" + cp.id(), head)).isEqualTo(404);
        assertThat(accessLog.forIncident(cp.id())).filteredOn(a -> !a.allowed())
                .extracting(RecordAccess -> RecordAccess.username()).containsExactly("cp.head", "cp.teacher", "cp.head");
    }

    @Test
    void childProtectionRecordsAreListedApartFromBehaviourRecords() throws Exception {
        Incident cp = record(RecordKind.CHILD_PROTECTION, "CP.");
        Incident behaviour = record(RecordKind.BEHAVIOUR, "Behaviour.");

        String main = mvc.perform(get("/incidents").with(authentication(dsl))).andReturn().getResponse().getContentAsString();
        String separate = mvc.perform(get("/incidents/child-protection").with(authentication(dsl))).andReturn()
                .getResponse().getContentAsString();
        String headsList = mvc.perform(get("/incidents").with(authentication(head))).andReturn().getResponse().getContentAsString();

        assertThat(main).contains("/incidents/" + behaviour.id() + "\"").doesNotContain("/incidents/" + cp.id() + "\"");
        assertThat(separate).contains("/incidents/" + cp.id() + "\"").doesNotContain("/incidents/" + behaviour.id() + "\"");
        assertThat(headsList).contains("/incidents/" + behaviour.id() + "\"").doesNotContain("/incidents/" + cp.id() + "\"");
    }

    @Test
    void aTeacherRecordingAChildProtectionConcernIsToldWhereItWentWithoutSeeingIt() throws Exception {
        MvcResult result = mvc.perform(post("/incidents").with(authentication(teacher)).with(csrf())
                .param("subject", "PUPIL").param("subjectIds", Long.toString(pupil))
                .param("occurredAt", "2025-03-14T10:30").param("category", "social-media-misuse")
                .param("kind", "CHILD_PROTECTION").param("type", "misuse").param("description", "A disclosure.")
                .param("step", "record"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/incidents");
        assertThat(result.getFlashMap().get("message").toString()).contains("child-protection record",
                "Only the DSL and deputies can open");
    }

    @Test
    void theApiRecordsAChildProtectionRecordAndRefusesAnUnknownKind() throws Exception {
        String body = """
                {"categoryId": "social-media-misuse", "subjectIds": [%d], "description": "Via the API.",
                 "occurredAt": "2025-03-14T10:30:00Z", "recordKind": "%s"}
                """;

        MvcResult cp = mvc.perform(post("/api/v1/incidents").with(authentication(dsl)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(pupil, "child-protection"))).andReturn();
        MvcResult unknown = mvc.perform(post("/api/v1/incidents").with(authentication(dsl)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(pupil, "secret"))).andReturn();

        assertThat(cp.getResponse().getStatus()).isEqualTo(201);
        assertThat(cp.getResponse().getContentAsString()).contains("\"recordKind\":\"CHILD_PROTECTION\"");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(unknown.getResponse().getContentAsString()).contains("recordKind must be behaviour or child-protection");
    }

    @Test
    void aBehaviourRecordStillReadsAsBeforeForItsRecorderAndTheHeadteacher() throws Exception {
        Incident behaviour = record(null, "Ordinary.");

        assertThat(behaviour.recordKind()).isEqualTo(RecordKind.BEHAVIOUR);
        assertThat(status("/incidents/" + behaviour.id(), teacher)).isEqualTo(200);
        assertThat(status("/incidents/" + behaviour.id(), head)).isEqualTo(200);
    }

    @Test
    void theDslCanMoveARecordToTheOtherFileWithAnAuditedReason() {
        Incident behaviour = record(RecordKind.BEHAVIOUR, "Turned out to be a welfare concern.");

        Incident moved = incidents.reclassify(behaviour.id(), RecordKind.CHILD_PROTECTION, "Welfare concern.", Viewer.of(dsl));

        assertThat(moved.recordKind()).isEqualTo(RecordKind.CHILD_PROTECTION);
        assertThat(incidents.read(behaviour.id(), Viewer.of(teacher), Channel.API)).isEmpty();
        assertThat(audit.entriesFor("incident", Long.toString(behaviour.id()))).extracting(AuditEntry::action)
                .containsExactly("incident.recorded", "incident.reclassified");
    }

    @Test
    void aRecordOnTheIllegalPathStaysAChildProtectionRecord() {
        Incident illegal = incidents.record(new NewIncident(SubjectType.PUPIL, "accessing-illegal-material",
                List.of(pupil), OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "x", null, List.of()),
                Viewer.of(teacher));

        assertThatThrownBy(() -> incidents.reclassify(illegal.id(), RecordKind.BEHAVIOUR, "No.", Viewer.of(dsl)))
                .isInstanceOf(IncidentRejectedException.class).hasMessageContaining("stays a child-protection record");
    }
}
