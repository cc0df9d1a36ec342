package org.lantern.server.incidents;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The incidents REST API: recording, reading under record-level access, and working actions. */
@PersistenceTest
@AutoConfigureMockMvc
class IncidentApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditChain audit;
    @Autowired
    RecordAccessLog accessLog;

    Authentication teacher;
    Authentication otherTeacher;
    Authentication dsl;
    long pupil;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "api.teacher", Role.STAFF);
        otherTeacher = TestUsers.signedIn(accountService, accounts, "api.other", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "api.dsl", Role.DSL);
        pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Pupil"));
    }

    private String body(String categoryId, long personId, String description) {
        return """
                {"categoryId": "%s", "subjectIds": [%d], "description": "%s",
                 "occurredAt": "2025-03-14T10:30:00Z", "location": "IT suite", "links": ["https://example.org/x"]}
                """.formatted(categoryId, personId, description);
    }

    private JsonNode record(Authentication user, String categoryId) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/incidents").with(authentication(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(categoryId, pupil, "Saw the screen.")))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode json(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void categoriesAreThePupilTableRowsWithTheActionsEachRequires() throws Exception {
        JsonNode categories = json(mvc.perform(get("/api/v1/incident-categories?subject=pupil")
                .with(authentication(teacher))).andReturn());

        assertThat(categories).hasSize(16);
        assertThat(categories.get(1).get("id").asText()).isEqualTo("non-educational-sites-in-lessons");
        assertThat(categories.get(1).get("text").asText()).isEqualTo("Unauthorised use of non-educational sites during lessons");
        assertThat(categories.get(1).get("actions").findValuesAsText("text")).containsExactly(
                "Record incident on CPOMS (Online Safeguarding)",
                "Refer to technical support staff for action re filtering / security etc.");
    }

    @Test
    void anUnknownSubjectForCategoriesIsABadRequest() throws Exception {
        int status = mvc.perform(get("/api/v1/incident-categories?subject=parent").with(authentication(teacher)))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(400);
    }

    @Test
    void recordingReturnsTheIncidentWithTheActionsItsCategoryTicks() throws Exception {
        JsonNode incident = record(teacher, "mobile-device-misuse");

        assertThat(incident.get("subjectType").asText()).isEqualTo("PUPIL");
        assertThat(incident.get("recordedBy").asText()).isEqualTo("api.teacher");
        assertThat(incident.get("links").get(0).asText()).isEqualTo("https://example.org/x");
        assertThat(incident.get("actions").findValuesAsText("columnId"))
                .containsExactly("refer-to-dsl", "inform-parents", "targeted-support");
        assertThat(incident.get("actions").findValuesAsText("status")).containsOnly("OPEN");
    }

    @Test
    void referToDslIsDueTheNextSchoolDayAndOtherActionsInAWeek() throws Exception {
        JsonNode actions = record(teacher, "mobile-device-misuse").get("actions");

        LocalDate today = People.today();
        LocalDate nextSchoolDay = today.plusDays(today.getDayOfWeek() == DayOfWeek.FRIDAY ? 3
                : today.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1);
        assertThat(actions.get(0).get("dueOn").asText()).isEqualTo(nextSchoolDay.toString());
        assertThat(actions.get(1).get("dueOn").asText()).isEqualTo(today.plusDays(7).toString());
    }

    @Test
    void recordingIsAppendedToTheAuditChainWithoutCopyingTheWords() throws Exception {
        long id = record(teacher, "mobile-device-misuse").get("id").asLong();

        List<AuditEntry> entries = audit.entriesFor("incident", Long.toString(id));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("incident.recorded");
        assertThat(entries.getFirst().actor()).isEqualTo("api.teacher");
        assertThat(entries.getFirst().detailJson()).contains("descriptionSha256").doesNotContain("Saw the screen");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anIncidentWithProblemsIsRefusedNamingEachAndNothingIsStored() throws Exception {
        long incidents = count("incident");
        AuditChain.Head head = audit.head();

        MvcResult result = mvc.perform(post("/api/v1/incidents").with(authentication(teacher)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body("no-such-row", pupil, " "))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(result).get("problems")).hasSize(2);
        assertThat(result.getResponse().getContentAsString()).contains("Choose a category", "What happened must be given");
        assertThat(count("incident")).isEqualTo(incidents);
        assertThat(audit.head()).isEqualTo(head);
    }

    @Test
    void aMemberOfStaffCannotBeNamedInAPupilIncident() throws Exception {
        long staff = TestPeople.person(jdbc, "STAFF", "Sam", TestPeople.unique("Staff"));

        MvcResult result = mvc.perform(post("/api/v1/incidents").with(authentication(teacher)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"subjectType": "pupil", "categoryId": "mobile-device-misuse", "subjectIds": [%d, %d],
                         "description": "x", "occurredAt": "2025-03-14T10:30:00Z"}""".formatted(pupil, staff)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("is not a pupil");
    }

    @Test
    void aTeacherReadsTheirOwnRecordAndTheReadIsLogged() throws Exception {
        long id = record(teacher, "mobile-device-misuse").get("id").asLong();

        int status = mvc.perform(get("/api/v1/incidents/" + id).with(authentication(teacher))).andReturn()
                .getResponse().getStatus();

        assertThat(status).isEqualTo(200);
        assertThat(accessLog.forIncident(id)).singleElement().satisfies(a -> {
            assertThat(a.username()).isEqualTo("api.teacher");
            assertThat(a.channel()).isEqualTo(Channel.API);
            assertThat(a.allowed()).isTrue();
        });
    }

    @Test
    void anotherTeachersRecordIsNotFoundAndTheAttemptIsLoggedAsDenied() throws Exception {
        long id = record(teacher, "mobile-device-misuse").get("id").asLong();

        MvcResult result = mvc.perform(get("/api/v1/incidents/" + id).with(authentication(otherTeacher))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Saw the screen");
        assertThat(accessLog.forIncident(id)).singleElement().satisfies(a -> {
            assertThat(a.username()).isEqualTo("api.other");
            assertThat(a.allowed()).isFalse();
        });
    }

    @Test
    void aRecordThatDoesNotExistIsNotFoundAndLoggedAsDenied() throws Exception {
        long missing = 9_000_000L + System.nanoTime() % 1_000_000;

        int status = mvc.perform(get("/api/v1/incidents/" + missing).with(authentication(dsl))).andReturn()
                .getResponse().getStatus();

        assertThat(status).isEqualTo(404);
        assertThat(accessLog.forIncident(missing)).singleElement().extracting(RecordAccessLog.Access::allowed).isEqualTo(false);
    }

    @Test
    void theDslReadsEveryRecord() throws Exception {
        long id = record(teacher, "mobile-device-misuse").get("id").asLong();

        int status = mvc.perform(get("/api/v1/incidents/" + id).with(authentication(dsl))).andReturn()
                .getResponse().getStatus();

        assertThat(status).isEqualTo(200);
    }

    @Test
    void completingAnActionRecordsItsOutcomeAndWhoCompletedIt() throws Exception {
        JsonNode incident = record(teacher, "mobile-device-misuse");
        long id = incident.get("id").asLong();
        long action = incident.get("actions").get(0).get("id").asLong();

        MvcResult result = mvc.perform(post("/api/v1/incidents/" + id + "/actions/" + action + "/complete")
                .with(authentication(dsl)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"Spoke to the pupil and parents.\"}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode done = json(result).get("actions").get(0);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("outcome").asText()).isEqualTo("Spoke to the pupil and parents.");
        assertThat(done.get("closedBy").asText()).isEqualTo("api.dsl");
        assertThat(audit.entriesFor("incident", Long.toString(id))).extracting(AuditEntry::action)
                .containsExactly("incident.recorded", "incident.action.completed");
    }

    @Test
    void completingACompletedActionIsAConflictThatChangesNothingAndIsAudited() throws Exception {
        JsonNode incident = record(teacher, "mobile-device-misuse");
        long id = incident.get("id").asLong();
        String path = "/api/v1/incidents/" + id + "/actions/" + incident.get("actions").get(0).get("id").asLong() + "/complete";
        mvc.perform(post(path).with(authentication(dsl)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"first\"}"));

        MvcResult again = mvc.perform(post(path).with(authentication(dsl)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"second\"}")).andReturn();

        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(json(again).get("detail").asText()).contains("already done");
        JsonNode now = json(mvc.perform(get("/api/v1/incidents/" + id).with(authentication(dsl))).andReturn());
        assertThat(now.get("actions").get(0).get("outcome").asText()).isEqualTo("first");
        assertThat(audit.entriesFor("incident", Long.toString(id))).extracting(AuditEntry::action)
                .containsExactly("incident.recorded", "incident.action.completed", "incident.action.complete-refused");
    }

    @Test
    void waivingWithoutAReasonIsRefusedAndLeavesTheActionOpen() throws Exception {
        JsonNode incident = record(teacher, "mobile-device-misuse");
        long id = incident.get("id").asLong();
        long action = incident.get("actions").get(2).get("id").asLong();

        MvcResult result = mvc.perform(post("/api/v1/incidents/" + id + "/actions/" + action + "/waive")
                .with(authentication(dsl)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"  \"}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        JsonNode now = json(mvc.perform(get("/api/v1/incidents/" + id).with(authentication(dsl))).andReturn());
        assertThat(now.get("actions").get(2).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void waivingWithAReasonClosesTheActionAsWaived() throws Exception {
        JsonNode incident = record(teacher, "mobile-device-misuse");
        long id = incident.get("id").asLong();
        long action = incident.get("actions").get(2).get("id").asLong();

        JsonNode waived = json(mvc.perform(post("/api/v1/incidents/" + id + "/actions/" + action + "/waive")
                .with(authentication(dsl)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"Already supported by pastoral team.\"}")).andReturn()).get("actions").get(2);

        assertThat(waived.get("status").asText()).isEqualTo("WAIVED");
        assertThat(waived.get("outcome").asText()).isEqualTo("Already supported by pastoral team.");
    }

    @Test
    void theDslAddsAnActionFromTheSameTableWithAReason() throws Exception {
        long id = record(teacher, "mobile-device-misuse").get("id").asLong();

        JsonNode actions = json(mvc.perform(post("/api/v1/incidents/" + id + "/actions").with(authentication(dsl))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"columnId\": \"refer-to-police\", \"reason\": \"Images were shared.\"}")).andReturn())
                .get("actions");

        assertThat(actions).hasSize(4);
        assertThat(actions.get(3).get("columnText").asText()).isEqualTo("Refer to Police");
        assertThat(actions.get(3).get("addedReason").asText()).isEqualTo("Images were shared.");
    }

    @Test
    void anActionNotInTheTableCannotBeAdded() throws Exception {
        long id = record(teacher, "mobile-device-misuse").get("id").asLong();

        int status = mvc.perform(post("/api/v1/incidents/" + id + "/actions").with(authentication(dsl)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"columnId\": \"suspension\", \"reason\": \"x\"}"))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(400);
    }
}
