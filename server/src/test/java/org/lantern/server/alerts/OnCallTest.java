package org.lantern.server.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.OnCallOutOfHours;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestRisks;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The on-call list and the chain a level-5 alert goes down out of hours, on the database: the list
 * keeps its order, refuses what it cannot use and audits each change; a chain tells the first
 * person, the next after the timeout (against a clock set forward), and stops when acknowledged on
 * the page or through the API. School hours here are one minute on Sundays, so "now" is out of hours.
 */
@PersistenceTest
@AutoConfigureMockMvc
@OnCallOutOfHours
class OnCallTest {

    @Autowired
    OnCallList list;
    @Autowired
    OnCallEscalation escalation;
    @Autowired
    SafeguardingAlerts safeguarding;
    @Autowired
    AuditChain audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    OnCallList onCall;
    @Autowired
    DeliveryOutbox deliveries;
    @Autowired
    OnCallMessages messages;
    @Autowired
    OutOfHours outOfHours;
    @Autowired
    AlertRegister register;
    @Autowired
    DeliveryProperties settings;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
    }

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "oncall", role);
    }

    private static SafeguardingRisk risk(int level, Instant at, String category) {
        return TestRisks.search("robin.oncall", level, at, category);
    }

    /** The chain as another server's clock sees it, {@code later} from now. */
    private OnCallEscalation after(Duration later) {
        return new OnCallEscalation(jdbc, audit, onCall, deliveries, messages, register, outOfHours, settings, transactions,
                Clock.fixed(Instant.now().plus(later), ZoneOffset.UTC));
    }

    private List<String> deliveries(long alertId) {
        return jdbc.sql("SELECT channel || ' ' || destination FROM alert_delivery WHERE alert_id = :id ORDER BY id")
                .param("id", alertId).query(String.class).list();
    }

    @Test
    void theListKeepsItsOrderThroughMovesAndRemovalsAndEachChangeIsAudited() {
        var ann = list.add("Ann Dsl", "ann@school.example", "https://sms.example/hook?key=1", "dsl");
        var ben = list.add("Ben Deputy", " ben@school.example ", "", "dsl");
        var cat = list.add("Cat Head", "cat@school.example", null, "dsl");

        list.move(cat.id(), true, "dsl");
        list.move(ann.id(), false, "dsl");
        list.move(ben.id(), false, "dsl");
        list.remove(cat.id(), "dsl");

        assertThat(list.people()).extracting(OnCallList.OnCallPerson::name, OnCallList.OnCallPerson::email,
                        OnCallList.OnCallPerson::webhookUrl)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ann Dsl", "ann@school.example",
                                "https://sms.example/hook?key=1"),
                        org.assertj.core.groups.Tuple.tuple("Ben Deputy", "ben@school.example", null));
        assertThat(audit.entriesFor(OnCallList.RECORD, Long.toString(cat.id()))).extracting(AuditEntry::action)
                .containsExactly("on-call.added", "on-call.moved", "on-call.removed");
        assertThatThrownBy(() -> list.remove(cat.id(), "dsl")).hasMessageContaining("no longer on the list");
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "''|a@school.example|''|Name:",
            "Ann|not-an-address|''|Email:",
            "Ann|a@school.example, b@school.example|''|Email:",
            "Ann|a@school.example|ftp://files.example/hook|Webhook:",
            "Ann|a@school.example|javascript:alert(1)|Webhook:",
            "Ann|a@school.example|https://|Webhook:",
            "Ann|a@school.example|sms.example/hook|Webhook:",
            "Ann|a@school.example|https://sms.example/a hook|Webhook:",
            "Ann|a@school.example|https://user:secret@sms.example/hook|Webhook:"})
    void whatCannotBeUsedIsRefusedWithTheReasonAndNothingIsSaved(String name, String email, String webhook,
                                                                 String reason) {
        assertThatThrownBy(() -> list.add(name, email, webhook, "dsl")).isInstanceOf(AlertRejectedException.class)
                .hasMessageContaining(reason);
        assertThat(list.people()).isEmpty();
    }

    @Test
    void thePageRefusesABadWebhookKeepingWhatWasTypedAndListsAGoodOneEscaped() throws Exception {
        mvc.perform(post("/alerts/on-call").param("name", "Ann").param("email", "ann@school.example")
                        .param("webhook", "ftp://sms.example/hook").with(as(Role.DSL)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", List.of("Webhook: give the full https:// address your SMS "
                        + "gateway or Teams channel gave you (up to 2000 characters, no spaces), or leave it empty.")))
                .andExpect(flash().attribute("typedWebhook", "ftp://sms.example/hook"));
        assertThat(list.people()).isEmpty();

        mvc.perform(post("/alerts/on-call").param("name", "<b>Ann</b>").param("email", "ann@school.example")
                        .param("webhook", "https://sms.example/hook").with(as(Role.DEPUTY_DSL)).with(csrf()))
                .andExpect(flash().attribute("message", "<b>Ann</b> added, number 1 on the list."));
        mvc.perform(get("/alerts/on-call").with(as(Role.DSL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;Ann&lt;/b&gt;")))
                .andExpect(content().string(containsString("https://sms.example/hook")));
    }

    @Test
    void aLevelFiveAlertOutOfHoursGoesDownTheListUntilSomeoneAcknowledges() throws Exception {
        list.add("Ann Dsl", "ann@school.example", "https://sms.example/hook", "dsl");
        list.add("Ben Deputy", "ben@school.example", null, "dsl");
        list.add("Cat Head", "cat@school.example", null, "dsl");

        long id = safeguarding.record(risk(5, Instant.now(), "suicide")).id();

        assertThat(deliveries(id)).containsExactly("EMAIL ann@school.example", "WEBHOOK https://sms.example/hook");
        assertThat(jdbc.sql("SELECT body FROM alert_delivery WHERE alert_id = :id").param("id", id).query(String.class)
                .list()).allSatisfy(body -> assertThat(body).contains("https://lantern.school.example/alerts/" + id)
                .doesNotContain("kill", "k1ll", "Robin", "robin.oncall"));
        assertThat(jdbc.sql("SELECT body FROM alert_delivery WHERE channel = 'WEBHOOK'").query(String.class).single())
                .contains("\"kind\":\"SAFEGUARDING_RISK\"", "\"level\":5", "\"alertId\":" + id);

        assertThat(after(Duration.ofMinutes(14)).advanceDue()).as("within the timeout").isZero();
        assertThat(after(Duration.ofMinutes(16)).advanceDue()).isEqualTo(1);
        assertThat(deliveries(id)).endsWith("EMAIL ben@school.example");
        assertThat(escalation.status(id).orElseThrow().told()).isEqualTo("Ben Deputy");

        mvc.perform(post("/api/v1/alerts/" + id + "/acknowledge").with(as(Role.DEPUTY_DSL)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.acknowledgedBy").value("oncall.deputy_dsl"))
                .andExpect(jsonPath("$.told").value("Ben Deputy"));
        assertThat(after(Duration.ofHours(2)).advanceDue()).as("acknowledged: no one else is told").isZero();
        assertThat(deliveries(id)).hasSize(3);
        mvc.perform(post("/api/v1/alerts/" + id + "/acknowledge").with(as(Role.DSL)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.acknowledgedBy").value("oncall.deputy_dsl"));

        assertThat(audit.entriesFor(AlertAccessLog.ALERT, Long.toString(id))).extracting(AuditEntry::action)
                .containsSubsequence("alert.raised", "alert.on-call-told", "alert.on-call-told", "alert.acknowledged")
                .containsOnlyOnce("alert.acknowledged");
        mvc.perform(get("/alerts/" + id).with(as(Role.DSL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Acknowledged by oncall.deputy_dsl")));
    }

    @Test
    void nobodyAcknowledgingGoesRoundTheListThreeTimesThenEndsTheChainAndSaysSo() throws Exception {
        list.add("Ann Dsl", "ann@school.example", null, "dsl");
        long id = safeguarding.record(risk(5, Instant.now(), "suicide")).id();

        assertThat(after(Duration.ofMinutes(16)).advanceDue()).as("round 2").isEqualTo(1);
        assertThat(escalation.status(id).orElseThrow().round()).isEqualTo(2);
        assertThat(after(Duration.ofMinutes(32)).advanceDue()).as("round 3").isEqualTo(1);
        assertThat(escalation.status(id).orElseThrow().unanswered()).isFalse();
        assertThat(after(Duration.ofMinutes(48)).advanceDue()).as("the end").isEqualTo(1);
        assertThat(after(Duration.ofHours(5)).advanceDue()).as("ended: nothing more").isZero();

        assertThat(escalation.status(id).orElseThrow().unanswered()).isTrue();
        assertThat(jdbc.sql("SELECT destination FROM alert_delivery WHERE alert_id = :id AND purpose = 'ON_CALL' ORDER BY id")
                .param("id", id).query(String.class).list()).as("Ann once a round")
                .containsExactly("ann@school.example", "ann@school.example", "ann@school.example");
        assertThat(audit.entriesFor(AlertAccessLog.ALERT, Long.toString(id))).extracting(AuditEntry::action)
                .containsSubsequence("alert.on-call-told", "alert.on-call-told", "alert.on-call-told",
                        "alert.on-call-unanswered", "alert.noted");
        mvc.perform(get("/alerts/" + id).with(as(Role.DSL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Round 3 of 3 down the list.")))
                .andExpect(content().string(containsString("Nobody on the on-call list acknowledged this alert: the list "
                        + "was gone through 3 times and the DSL&#39;s team was emailed.")));
    }

    @Test
    void theAcknowledgeButtonOnThePageStopsTheChain() throws Exception {
        list.add("Ann Dsl", "ann@school.example", null, "dsl");
        list.add("Ben Deputy", "ben@school.example", null, "dsl");
        long id = safeguarding.record(risk(5, Instant.now(), "self-harm")).id();
        mvc.perform(get("/alerts/" + id).with(as(Role.DSL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"acknowledge\"")));

        mvc.perform(post("/alerts/" + id + "/acknowledge").with(as(Role.DSL)).with(csrf()))
                .andExpect(flash().attribute("message", "Acknowledged: no one else on the on-call list will be told."));

        assertThat(after(Duration.ofMinutes(16)).advanceDue()).isZero();
        assertThat(deliveries(id)).containsExactly("EMAIL ann@school.example");
    }

    @Test
    void belowLevelFiveOrAboutOldEventsNoChainStartsAndAcknowledgingIsAConflict() throws Exception {
        list.add("Ann Dsl", "ann@school.example", null, "dsl");
        long four = safeguarding.record(risk(4, Instant.now(), "drugs")).id();
        long old = safeguarding.record(risk(5, Instant.now().minus(Duration.ofHours(3)), "suicide")).id();

        assertThat(escalation.status(four)).isEmpty();
        assertThat(escalation.status(old)).isEmpty();
        assertThat(safeguarding.late(old)).isTrue();
        assertThat(safeguarding.late(four)).isFalse();
        mvc.perform(post("/api/v1/alerts/" + four + "/acknowledge").with(as(Role.DSL)).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/alerts/999999999/acknowledge").with(as(Role.DSL)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/openapi.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/alerts/{id}/acknowledge'].post.summary")
                        .value("Acknowledge an alert sent down the out-of-hours on-call list"));
        mvc.perform(get("/alerts/" + old).with(as(Role.DSL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("more than 60 minutes old when they reached Lantern")));
    }
}
