package org.lantern.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.filtering.bypass.BypassAttempt;
import org.lantern.server.filtering.bypass.PersistentBypassAttempts;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class AlertPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AlertRegister alerts;
    @Autowired
    AlertTriage triage;
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
        return TestUsers.as(accountService, accounts, "alertpages", role);
    }

    private String page(String path, Role role) throws Exception {
        return mvc.perform(get(path).with(as(role))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theListShowsAlertsNewestFirstAndSaysEmailIsOff() throws Exception {
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/1", 1L, "Older Pupil", null, null, now.minusSeconds(90)));
        alerts.record(AlertFixtures.illegalCategory("http://hate.invalid/", 2L, "Newer Pupil", now));

        String html = page("/alerts", Role.DSL);

        assertThat(html).contains("Email alerts are off");
        assertThat(html.indexOf("Newer Pupil")).isPositive().isLessThan(html.indexOf("Older Pupil"));
    }

    @Test
    void anIllegalAlertShowsItsAddressAsTextWithTheWarningAndNeverAsALink() throws Exception {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/images", 1L, "Ada Lovelace", "ada.l",
                "10.0.0.7", now));

        String html = page("/alerts/" + alert.id(), Role.DSL);

        assertThat(html).contains("id=\"illegal-warning\"", "Do not open, copy or forward",
                "refer it to the police", ">http://abuse.invalid/images</code>", "ada.l", "10.0.0.7",
                "iwf-child-abuse", "abuse.invalid/");
        assertThat(html).doesNotContain("href=\"http://abuse.invalid");
    }

    @Test
    void aPersistentBypassAlertShowsTheAttemptsAndTheLatestHostWithoutTheIllegalWarning() throws Exception {
        Alert alert = alerts.record(new PersistentBypassAttempts(new BypassAttempt(now, 5L, "Cal Jones", null, null,
                "vpn.example", "vpn", "POLICY", "BLOCK"), 12, 12, Duration.ofMinutes(30), 3));

        String html = page("/alerts/" + alert.id(), Role.DSL);

        assertThat(html).contains("Persistent attempts to get round the filter", "Latest host",
                ">vpn.example</code>", "Attempts", ">12<", "12 attempts to get round the filter within 30 minutes");
        assertThat(html).doesNotContain("illegal-warning");
    }

    @Test
    void htmlAndScriptInAnAlertAreShownEscaped() throws Exception {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/x", 1L,
                "<script>alert('name')</script>", "<b>user</b>", null, now));
        triage.note(alert.id(), "<img src=x onerror=alert('note')>", new Viewer(1, "alertpages.dsl", true, true));

        String html = page("/alerts/" + alert.id(), Role.DSL) + page("/alerts", Role.DSL);

        assertThat(html).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;", "&lt;b&gt;user&lt;/b&gt;",
                "&lt;img src=x onerror=alert(&#39;note&#39;)&gt;");
        assertThat(html).doesNotContain("<script>alert", "<b>user</b>", "<img src=x");
    }

    @Test
    void theRecordAnIncidentLinkCarriesThePersonTheTimeTheAlertAndTheIllegalPath() throws Exception {
        long person = TestPeople.pupil(jdbc, "Ada", "Alertlink" + System.nanoTime());
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/x", person, "Ada", null, null, now));

        String html = page("/alerts/" + alert.id(), Role.DSL);

        assertThat(html).contains("/incidents/new?type=misuse&amp;subject=PUPIL&amp;subjectIds=" + person
                        + "&amp;occurredAt=", "Raised%20from%20Lantern%20alert%20" + alert.id(),
                "links=/alerts/" + alert.id(), "illegal=true", "kind=CHILD_PROTECTION");
        assertThat(html.substring(html.indexOf("/incidents/new"), html.indexOf("Record an incident about this")))
                .doesNotContain("abuse.invalid");
    }

    @Test
    void lookingAtAnAlertIsLogged() throws Exception {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/x", 1L, "Ada", null, null, now));

        String html = page("/alerts/" + alert.id(), Role.HEADTEACHER);

        assertThat(jdbc.sql("SELECT username FROM record_access WHERE record_type = 'alert' AND record_id = :id "
                + "AND channel = 'PAGE'").param("id", alert.id()).query(String.class).list())
                .containsExactly("alertpages.headteacher");
        assertThat(html).contains("Seen by", "alertpages.headteacher");
    }

    @Test
    void anAlertThatDoesNotExistIsNotFound() throws Exception {
        mvc.perform(get("/alerts/999999999").with(as(Role.DSL))).andExpect(status().isNotFound());
    }

    @Test
    void closingWithoutANoteSaysWhyKeepsItNewAndWhatWasTyped() throws Exception {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/x", 1L, "Ada", null, null, now));

        mvc.perform(post("/alerts/" + alert.id() + "/status").param("status", "closed").param("outcome", "false-positive")
                        .param("note", "  ").with(as(Role.DSL)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", List.of("Write a note of why it is closed this way.")));

        assertThat(alerts.find(alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.NEW);
    }

    @Test
    void theDeputyTakesAnAlertIntoReviewAssignsItAndClosesItAndThePageShowsWhoAndWhat() throws Exception {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/x", 1L, "Ada", null, null, now));
        as(Role.DSL);
        long dsl = accounts.idOf("alertpages.dsl").orElseThrow();

        mvc.perform(post("/alerts/" + alert.id() + "/status").param("status", "in-review").with(as(Role.DEPUTY_DSL))
                        .with(csrf()))
                .andExpect(flash().attribute("message", "Alert in review."));
        mvc.perform(post("/alerts/" + alert.id() + "/assignee").param("assignee", Long.toString(dsl))
                        .with(as(Role.DEPUTY_DSL)).with(csrf()))
                .andExpect(flash().attribute("message", "Alert assigned to alertpages.dsl."));
        assertThat(page("/alerts/" + alert.id(), Role.DSL)).contains("In review")
                .doesNotContain("id=\"take-into-review\"");
        mvc.perform(post("/alerts/" + alert.id() + "/status").param("status", "closed").param("outcome", "no-further-action")
                        .param("note", "Referred to police.").with(as(Role.DEPUTY_DSL)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Alert closed: no further action."));

        assertThat(page("/alerts/" + alert.id(), Role.DSL)).contains("Closed", "No further action",
                "by alertpages.deputy_dsl", "Referred to police.", "alertpages.dsl").doesNotContain("id=\"close-form\"");
    }

    @Test
    void theApiListsAlertsAsJson() throws Exception {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/api", 1L, "Ada", null, "10.0.0.8", now));

        mvc.perform(get("/api/v1/alerts").param("status", "new").with(as(Role.DSL)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alerts[0].id").value(alert.id()))
                .andExpect(jsonPath("$.alerts[0].kind").value("ILLEGAL_CONTENT"))
                .andExpect(jsonPath("$.alerts[0].url").value("http://abuse.invalid/api"))
                .andExpect(jsonPath("$.alerts[0].clientIp").value("10.0.0.8"))
                .andExpect(jsonPath("$.alerts[0].status").value("NEW"))
                .andExpect(jsonPath("$.more").value(false));
        assertThat(jdbc.sql("SELECT channel FROM record_access WHERE record_type = 'alert' AND record_id = :id")
                .param("id", alert.id()).query(String.class).list()).containsExactly("API");
    }

    @Test
    void theApiRefusesFiltersItCannotReadWithAProblem() throws Exception {
        mvc.perform(get("/api/v1/alerts").param("status", "acknowledged").param("from", "yesterday").with(as(Role.DSL)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Status: choose new, in review, closed or all.")))
                .andExpect(jsonPath("$.detail").value(containsString("From: 'yesterday' is not a date")));
        mvc.perform(get("/api/v1/alerts").param("size", "1000").with(as(Role.DSL)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("size: must be from 1 to 200"));
    }

    @Test
    void theListPageSaysWhichFilterItCannotReadAndKeepsWhatWasTyped() throws Exception {
        String html = mvc.perform(get("/alerts").param("from", "14/03/2025").with(as(Role.DSL)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("From: &#39;14/03/2025&#39; is not a date", "value=\"14/03/2025\"");
    }

    @Test
    void theApiIsDocumentedInOpenApi() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/alerts'].get.summary").value("List filter alerts, newest first"));
    }

    @Test
    void theDslsDashboardCountsNewAlertsAndStaffSeeNoAlertCard() throws Exception {
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/1", 1L, "Ada", null, null, now));
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/2", 1L, "Ada", null, null, now));

        String dsl = page("/", Role.DSL);

        assertThat(dsl).contains("id=\"alerts-card\"");
        assertThat(dsl.substring(dsl.indexOf("alerts-card"))).contains("<span class=\"stat\">2</span> new");
        assertThat(page("/", Role.STAFF)).doesNotContain("alerts-card");
    }
}
