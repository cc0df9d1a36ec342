package org.lantern.server.incidents;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.ApiTokenService;
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

/** A record's case on its page, in the lists and through the API, by session and by API token. */
@PersistenceTest
@AutoConfigureMockMvc
class CaseWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncidentService incidents;
    @Autowired
    CaseService cases;
    @Autowired
    RecordAccessLog accessLog;

    Authentication teacher;
    Authentication dsl;
    Authentication head;
    long pupil;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "cweb.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "cweb.dsl", Role.DSL);
        head = TestUsers.signedIn(accountService, accounts, "cweb.head", Role.HEADTEACHER);
        pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Cweb"));
    }

    private Incident record(RecordKind kind) {
        return incidents.record(IncidentFixtures.phoneMisuse(pupil, kind, false), Viewer.of(teacher));
    }

    private String page(String path, Authentication user) throws Exception {
        return mvc.perform(get(path).with(authentication(user))).andReturn().getResponse().getContentAsString();
    }

    private MvcResult api(String path, String body, Authentication user) throws Exception {
        return mvc.perform(post(path).with(authentication(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn();
    }

    @Test
    void theRecordPageShowsTheCaseAndItsHistoryAndTheControlsOnlyToThoseWhoMayChangeIt() throws Exception {
        Incident incident = record(RecordKind.BEHAVIOUR);

        String forDsl = page("/incidents/" + incident.id(), dsl);
        String forTeacher = page("/incidents/" + incident.id(), teacher);

        assertThat(forDsl).contains("id=\"case\"", "Needs an owner", "Medium", "Change status", "Set owner",
                "<label for=\"case-note\">", "3 actions created from the table", "Owner of Refer to DSL");
        assertThat(forTeacher).contains("id=\"case\"", "Needs an owner", "3 actions created from the table")
                .doesNotContain("Change status", "Set owner");
        cases.changeOwner(incident.id(), Viewer.of(head).accountId(), CaseActor.of(dsl));
        assertThat(page("/incidents/" + incident.id(), head)).contains("Change status", "Test cweb.head (cweb.head)");
    }

    @Test
    void closingFromThePageWithoutAnOutcomeChangesNothingAndSaysWhy() throws Exception {
        Incident incident = record(RecordKind.BEHAVIOUR);

        MvcResult result = mvc.perform(post("/incidents/" + incident.id() + "/case/status").param("status", "CLOSED")
                .param("note", "").with(authentication(dsl)).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/incidents/" + incident.id() + "#case");
        assertThat(result.getFlashMap().get("problems")).asList().contains("The outcome must be given.");
        assertThat(cases.of(incident).status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void aUserWhoMayReadButNotChangeTheCaseIsRefusedAndOneWhoMayNotReadItFindsNothing() throws Exception {
        Incident behaviour = record(RecordKind.BEHAVIOUR);
        Incident childProtection = record(RecordKind.CHILD_PROTECTION);

        int refused = mvc.perform(post("/incidents/" + behaviour.id() + "/case/priority").param("priority", "HIGH")
                .with(authentication(head)).with(csrf())).andReturn().getResponse().getStatus();
        int hidden = mvc.perform(post("/incidents/" + childProtection.id() + "/case/priority").param("priority", "HIGH")
                .with(authentication(head)).with(csrf())).andReturn().getResponse().getStatus();
        int apiHidden = api("/api/v1/incidents/" + childProtection.id() + "/case/priority", "{\"priority\": \"high\"}", head)
                .getResponse().getStatus();

        assertThat(List.of(refused, hidden, apiHidden)).containsExactly(403, 404, 404);
        assertThat(cases.of(behaviour).priorityChosen()).isFalse();
    }

    @Test
    void theListsFilterByStatusAndOwner() throws Exception {
        Incident mine = record(RecordKind.BEHAVIOUR);
        Incident unowned = record(RecordKind.BEHAVIOUR);
        cases.changeOwner(mine.id(), Viewer.of(dsl).accountId(), CaseActor.of(dsl));
        cases.changeStatus(mine.id(), CaseStatus.MONITORING, null, CaseActor.of(dsl));

        String myCases = page("/incidents?owner=mine", dsl);
        String monitoring = page("/incidents?status=MONITORING", dsl);
        String needOwner = page("/incidents?status=active&owner=none", dsl);

        assertThat(myCases).contains("/incidents/" + mine.id() + "\"").doesNotContain("/incidents/" + unowned.id() + "\"");
        assertThat(monitoring).contains("/incidents/" + mine.id() + "\"").doesNotContain("/incidents/" + unowned.id() + "\"");
        assertThat(needOwner).contains("/incidents/" + unowned.id() + "\"").doesNotContain("/incidents/" + mine.id() + "\"");
        assertThat(myCases).contains("<option value=\"mine\" selected=\"selected\">My cases</option>");
        assertThat(page("/incidents?status=CLOSED", dsl)).contains("No incidents match the filter.");
    }

    @Test
    void aFilteredListLogsALookAtTheRecordsItShowsAndNoOthers() throws Exception {
        Incident shown = record(RecordKind.BEHAVIOUR);
        Incident filteredOut = record(RecordKind.BEHAVIOUR);
        cases.changeStatus(shown.id(), CaseStatus.MONITORING, null, CaseActor.of(dsl));

        page("/incidents?status=MONITORING", dsl);

        assertThat(listLooks(shown)).isEqualTo(1);
        assertThat(listLooks(filteredOut)).isZero();
    }

    private long listLooks(Incident incident) {
        return accessLog.forIncident(incident.id()).stream()
                .filter(a -> a.channel() == Channel.LIST && a.username().equals("cweb.dsl")).count();
    }

    @Test
    void theApiReadsTheCaseWithItsHistoryAndChangesItByApiToken() throws Exception {
        Incident incident = record(RecordKind.CHILD_PROTECTION);
        String token = tokens.create("cweb.dsl", "cases", 1, "test").token();
        long dslId = Viewer.of(dsl).accountId();
        IncidentAction action = incident.actions().getFirst();

        for (String[] call : new String[][] {
                {"/case/owner", "{\"accountId\": " + dslId + "}"},
                {"/case/priority", "{\"priority\": \"urgent\"}"},
                {"/case/review", "{\"reviewOn\": \"" + People.today().plusDays(30) + "\"}"},
                {"/actions/" + action.id() + "/owner", "{\"accountId\": " + dslId + "}"},
                {"/case/status", "{\"status\": \"monitoring\", \"note\": \"Watching.\"}"}}) {
            int status = mvc.perform(post("/api/v1/incidents/" + incident.id() + call[0])
                    .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(call[1]))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(call[0]).isEqualTo(200);
        }
        JsonNode read = JSON.readTree(mvc.perform(get("/api/v1/incidents/" + incident.id() + "/case")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString());

        assertThat(read.at("/case/status").asText()).isEqualTo("MONITORING");
        assertThat(read.at("/case/priority").asText()).isEqualTo("URGENT");
        assertThat(read.at("/case/owner/username").asText()).isEqualTo("cweb.dsl");
        assertThat(read.at("/case/actionOwners/" + action.id() + "/username").asText()).isEqualTo("cweb.dsl");
        assertThat(read.get("history").findValuesAsText("type")).contains("Recorded", "Case owner", "Case status");
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', value = {
            "/case/status   | {\"status\": \"closed\"}                  | 400 | an outcome is required",
            "/case/status   | {\"status\": \"archived\"}                | 400 | an unknown status",
            "/case/priority | {\"priority\": 3}                        | 400 | an unknown priority",
            "/case/review   | {\"reviewOn\": \"next week\"}             | 400 | not a date",
            "/case/owner    | {\"accountId\": 999999999}                | 400 | no such account",
            "/case/owner    | not json                                 | 400 | not JSON"})
    void badInputIsAProblemSayingWhyAndChangesNothing(String path, String body, int status, String why) throws Exception {
        Incident incident = record(RecordKind.BEHAVIOUR);

        MvcResult result = api("/api/v1/incidents/" + incident.id() + path, body, dsl);

        assertThat(result.getResponse().getStatus()).as(why).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).contains("json");
        assertThat(cases.events(incident.id())).isEmpty();
    }
}
