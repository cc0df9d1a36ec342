package org.lantern.server.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The API's two kinds of category and records with people in roles. */
@PersistenceTest
@AutoConfigureMockMvc
class ConcernApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    Authentication teacher;
    Authentication dsl;
    long victim;
    long bully;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "capi.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "capi.dsl", Role.DSL);
        victim = TestPeople.pupil(jdbc, "Vi", TestPeople.unique("Capi"));
        bully = TestPeople.pupil(jdbc, "Bo", TestPeople.unique("Capi"));
    }

    private MvcResult call(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private JsonNode post201(String body) throws Exception {
        MvcResult result = call(post("/api/v1/incidents").with(authentication(teacher)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void theConcernListComesWithItsStepsAndWhomEachAppliesTo() throws Exception {
        JsonNode concerns = JSON.readTree(call(get("/api/v1/incident-categories?kind=concern&subject=pupil")
                .with(authentication(teacher))).getResponse().getContentAsString());
        JsonNode misuse = JSON.readTree(call(get("/api/v1/incident-categories?kind=misuse&subject=pupil")
                .with(authentication(teacher))).getResponse().getContentAsString());

        JsonNode nudes = concerns.findParents("id").stream().filter(c -> c.path("id").asText().equals("sharing-nudes"))
                .findFirst().orElseThrow();
        assertThat(nudes.path("kind").asText()).isEqualTo("concern");
        assertThat(nudes.path("guidance").asText()).contains("UKCIS");
        assertThat(nudes.path("illegalMaterial").asBoolean()).isTrue();
        assertThat(nudes.path("actions").findValuesAsText("appliesTo")).contains("record", "at-risk")
                .doesNotContain("misuser");
        assertThat(misuse).hasSize(16);
        assertThat(misuse.get(0).path("kind").asText()).isEqualTo("misuse");
        assertThat(misuse.findValuesAsText("appliesTo")).containsOnly("misuser");
        assertThat(call(get("/api/v1/incident-categories?kind=worry&subject=pupil").with(authentication(teacher)))
                .getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aBullyingRecordTakesPeopleInRolesAndEachActionNamesItsPerson() throws Exception {
        JsonNode incident = post201("""
                {"type": "concern", "recordKind": "behaviour", "categoryId": "cyberbullying",
                 "sanctionId": "offensive-messages",
                 "people": [{"personId": %d, "role": "at-risk"}, {"personId": %d, "role": "misuser"}],
                 "occurredAt": "2025-03-14T10:30:00Z", "description": "Group chat messages."}
                """.formatted(victim, bully));

        assertThat(incident.path("type").asText()).isEqualTo("concern");
        assertThat(incident.path("subjects").findParents("personId").stream()
                .map(p -> p.path("personId").asLong() + " " + p.path("roles").get(0).asText()))
                .containsExactlyInAnyOrder(victim + " at-risk", bully + " misuser");
        for (JsonNode action : incident.path("actions")) {
            if (action.path("columnId").asText().equals("remove-network-access")) {
                assertThat(action.path("personId").asLong()).isEqualTo(bully);
            }
        }
        assertThat(incident.path("actions").findParents("personId").stream()
                .filter(a -> a.path("personId").asLong() == victim).map(a -> a.path("columnId").asText()))
                .containsExactly("report-to-platform", "inform-parents", "support-plan");
    }

    @Test
    void theFirstShapeStillRecordsItsSubjectsAsMisusers() throws Exception {
        JsonNode incident = post201("""
                {"categoryId": "mobile-device-misuse", "subjectIds": [%d], "description": "Phone.",
                 "occurredAt": "2025-03-14T10:30:00Z"}
                """.formatted(bully));

        assertThat(incident.path("type").asText()).isEqualTo("misuse");
        assertThat(incident.path("recordKind").asText()).isEqualTo("BEHAVIOUR");
        assertThat(incident.path("subjects").get(0).path("roles").get(0).asText()).isEqualTo("misuser");
        assertThat(incident.path("actions").findValuesAsText("personId")).containsOnly(Long.toString(bully));
    }

    @Test
    void aConcernWithoutAChoiceOfFileOrWithAnUnknownRoleIsRefusedNamingEachProblem() throws Exception {
        MvcResult result = call(post("/api/v1/incidents").with(authentication(teacher)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"type": "concern", "categoryId": "grooming", "people": [{"personId": %d, "role": "victim"}],
                         "occurredAt": "2025-03-14T10:30:00Z", "description": "x"}
                        """.formatted(victim)));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("must be at-risk, misuser, witness or reporter");
        JsonNode noKind = JSON.readTree(call(post("/api/v1/incidents").with(authentication(teacher)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"type": "concern", "categoryId": "grooming", "people": [{"personId": %d, "role": "at-risk"}],
                         "occurredAt": "2025-03-14T10:30:00Z", "description": "x"}
                        """.formatted(victim))).getResponse().getContentAsString());
        assertThat(noKind.path("problems").toString()).contains("Choose child protection or behaviour");
    }

    @Test
    void aTeacherRaisesARecordAndOnlyTheDslLowersItWithAReason() throws Exception {
        long id = post201("""
                {"categoryId": "mobile-device-misuse", "subjectIds": [%d], "description": "Phone.",
                 "occurredAt": "2025-03-14T10:30:00Z"}
                """.formatted(bully)).path("id").asLong();

        assertThat(call(post("/api/v1/incidents/" + id + "/raise").with(authentication(teacher)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).getResponse().getStatus()).isEqualTo(200);
        assertThat(call(post("/api/v1/incidents/" + id + "/lower").with(authentication(dsl)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).getResponse().getStatus()).isEqualTo(400);
        MvcResult lowered = call(post("/api/v1/incidents/" + id + "/lower").with(authentication(dsl)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Not a welfare matter.\"}"));
        assertThat(JSON.readTree(lowered.getResponse().getContentAsString()).path("recordKind").asText())
                .isEqualTo("BEHAVIOUR");
    }
}
