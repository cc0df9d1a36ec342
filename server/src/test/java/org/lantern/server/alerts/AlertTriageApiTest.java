package org.lantern.server.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The triage API: the same rules as the pages, answered as JSON and problems, each alert returned logged as a look. */
@PersistenceTest
@AutoConfigureMockMvc
class AlertTriageApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AlertRegister alerts;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
    }

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "alertapi", role);
    }

    private ResultActions post(String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(json).with(as(Role.DSL)).with(csrf()));
    }

    private Alert raise() {
        return alerts.record(AlertFixtures.illegal("http://abuse.invalid/api", 1L, "Ada", null, null, now));
    }

    @Test
    void anIntegrationTakesAnAlertIntoReviewAssignsItNotesItAndClosesIt() throws Exception {
        Alert alert = raise();
        as(Role.DEPUTY_DSL);
        long deputy = accounts.idOf("alertapi.deputy_dsl").orElseThrow();
        String path = "/api/v1/alerts/" + alert.id();

        post(path + "/status", "{\"status\":\"in-review\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        post(path + "/assignee", "{\"assignee\":" + deputy + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value("alertapi.deputy_dsl"))
                .andExpect(jsonPath("$.assigneeAccount").value(deputy));
        post(path + "/notes", "{\"note\":\"<b>Called home.</b>\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.author").value("alertapi.dsl"))
                .andExpect(jsonPath("$.body").value("<b>Called home.</b>"));
        post(path + "/status", "{\"status\":\"closed\",\"outcome\":\"false-positive\",\"note\":\"Wrong list.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("FALSE_POSITIVE"))
                .andExpect(jsonPath("$.closedBy").value("alertapi.dsl"));

        mvc.perform(get("/api/v1/alerts").param("status", "closed").param("assignee", Long.toString(deputy))
                        .with(as(Role.DSL)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.alerts[0].id").value(alert.id()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_access WHERE record_type = 'alert' AND record_id = :id "
                + "AND channel = 'API'").param("id", alert.id()).query(Long.class).single()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"status\":\"new\"}|400|an alert does not go back to new",
            "{\"status\":\"acknowledged\"}|400|Status: choose in-review or closed.",
            "{\"status\":\"closed\",\"outcome\":\"maybe\",\"note\":\"x\"}|400|Outcome: choose no-further-action",
            "{\"status\":\"closed\",\"outcome\":\"escalated\",\"note\":\"x\"}|400|Incident: give the number",
            "{\"status\":\"closed\",\"outcome\":\"escalated\",\"incidentId\":999999999,\"note\":\"x\"}|400|"
                    + "there is no incident 999999999 that you can open",
            "{\"status\": |400|not valid JSON",
    })
    void aChangeThatCannotBeMadeIsAProblemSayingWhy(String body, int status, String why) throws Exception {
        Alert alert = raise();

        post("/api/v1/alerts/" + alert.id() + "/status", body).andExpect(status().is(status))
                .andExpect(jsonPath("$.detail").value(containsString(why)));

        assertThat(alerts.find(alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.NEW);
    }

    @Test
    void closingTwiceIsAConflictAndAnAlertThatDoesNotExistIsNotFound() throws Exception {
        Alert alert = raise();
        String close = "{\"status\":\"closed\",\"outcome\":\"already-known\",\"note\":\"Known.\"}";
        post("/api/v1/alerts/" + alert.id() + "/status", close).andExpect(status().isOk());

        post("/api/v1/alerts/" + alert.id() + "/status", close).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("was already closed by alertapi.dsl")));
        post("/api/v1/alerts/999999999/notes", "{\"note\":\"x\"}").andExpect(status().isNotFound());
        post("/api/v1/alerts/" + alert.id() + "/assignee", "{\"assignee\":999999999}").andExpect(status().isConflict());
    }

    @Test
    void anAssigneeWhoIsNotOnTheDslsTeamIsRefused() throws Exception {
        Alert alert = raise();
        as(Role.HEADTEACHER);
        long head = accounts.idOf("alertapi.headteacher").orElseThrow();

        post("/api/v1/alerts/" + alert.id() + "/assignee", "{\"assignee\":" + head + "}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Assignee: account " + head + " is not on the DSL's team; choose "
                        + "the DSL or a deputy."));
    }

    @Test
    void theTriageApiIsDocumentedInOpenApi() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/alerts/{id}/status'].post.summary")
                        .value("Take an alert into review, or close it with an outcome"))
                .andExpect(jsonPath("$.paths['/api/v1/alerts/{id}/assignee'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/alerts/{id}/notes'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/alerts'].get.parameters[?(@.name == 'assignee')]").exists());
    }

    @Test
    void aPageThatIsNotANumberIsAnsweredAsEveryOtherBadValue() throws Exception {
        mvc.perform(get("/api/v1/alerts").param("page", "two").with(as(Role.DSL)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'two' is not a valid page"));
    }
}
