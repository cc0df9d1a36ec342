package org.lantern.server.alerts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.OnCallOutOfHours;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestRisks;
import org.lantern.server.support.TestSmtp;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lantern.server.support.TestSmtp.subject;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An on-call chain nobody answers goes round the list again from the top, with real parts: the
 * emails reach an SMTP server (GreenMail) and the webhook posts a local HTTP server. The clock is
 * set forward for each step, and each step is taken by a new {@link OnCallEscalation} and sent by
 * a new {@link DeliveryOutbox}, as a server started again (or a second server) would, so the chain
 * and what it owes are shown to live in the database and the outbox. After the third round the
 * DSL's team is emailed that nobody acknowledged and the alert gets a note; an acknowledgement in
 * the second round stops it there. Nothing runs on a schedule here: the test moves and sends.
 */
@PersistenceTest
@AutoConfigureMockMvc
@OnCallOutOfHours
@TestPropertySource(properties = {
        "lantern.alerts.delivery.retry-interval=PT1H",
        "lantern.alerts.mail.initial-delay=PT1H",
        "lantern.alerts.mail.from=lantern@school.example",
        "lantern.alerts.mail.extra-recipients=safeguarding@school.example"})
class OnCallRoundsTest {

    @RegisterExtension
    static final TestSmtp SMTP = new TestSmtp();

    private static final List<String> POSTS = new CopyOnWriteArrayList<>();
    private static HttpServer webhook;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        SMTP.mailProperties(registry);
    }

    @BeforeAll
    static void startWebhook() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/", exchange -> {
            POSTS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterAll
    static void stopWebhook() {
        webhook.stop(0);
    }

    @Autowired
    OnCallList list;
    @Autowired
    SafeguardingAlerts safeguarding;
    @Autowired
    OnCallMessages messages;
    @Autowired
    OutOfHours outOfHours;
    @Autowired
    AlertRegister register;
    @Autowired
    AlertNotes notes;
    @Autowired
    AlertProperties alertSettings;
    @Autowired
    DeliveryProperties settings;
    @Autowired
    AuditChain audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;

    @BeforeEach
    void clear() throws Exception {
        AlertTables.clear(jdbc);
        SMTP.emptied();
        POSTS.clear();
    }

    private static SafeguardingRisk risk() {
        return TestRisks.search("robin.rounds", 5, Instant.now(), "suicide");
    }

    /** The chain as a server started {@code later} from now sees it. */
    private OnCallEscalation serverAt(Duration later) {
        return new OnCallEscalation(jdbc, audit, list, outbox(), messages, register, outOfHours, settings, transactions,
                Clock.fixed(Instant.now().plus(later), ZoneOffset.UTC));
    }

    /** A new outbox, as a server started again has, sending whatever is owed. */
    private DeliveryOutbox outbox() {
        return new DeliveryOutbox(jdbc, context.getBeanProvider(JavaMailSender.class), alertSettings, settings);
    }

    private int sendOwed() {
        DeliveryOutbox fresh = outbox();
        try {
            return fresh.deliverDue(Instant.now());
        } finally {
            fresh.stop();
        }
    }

    /**
     * Sends what is owed and waits until nothing is left unsent (the running server's own outbox
     * may send the first messages, woken when the alert was recorded).
     */
    private void sendAll() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sendOwed();
            return jdbc.sql("SELECT COUNT(*) FROM alert_delivery WHERE sent_at IS NULL").query(Long.class).single() == 0;
        });
    }

    private static List<String> subjectsTo(String address) {
        return SMTP.to(address).stream().map(TestSmtp::subject).toList();
    }

    @Test
    void nobodyAcknowledgingGoesRoundTheListThreeTimesThenTellsTheDslTeamAndNotesTheAlert() throws Exception {
        list.add("Ann Dsl", "ann@school.example", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/ann", "dsl");
        list.add("Ben Deputy", "ben@school.example", null, "dsl");
        long id = safeguarding.record(risk()).id();
        String onCall = "Lantern on-call alert " + id + ": Safeguarding risk";

        sendAll();
        int[] minutes = {16, 32, 48, 64, 80};
        for (int m : minutes) {
            assertThat(serverAt(Duration.ofMinutes(m)).advanceDue()).as("%d minutes on", m).isEqualTo(1);
            assertThat(sendOwed()).isPositive();
        }
        assertThat(escalation().status(id).orElseThrow()).extracting(OnCallEscalation.Status::told,
                OnCallEscalation.Status::round).containsExactly("Ben Deputy", 3);

        assertThat(subjectsTo("ann@school.example")).containsExactly(onCall, onCall, onCall);
        assertThat(subjectsTo("ben@school.example")).containsExactly(onCall, onCall, onCall);
        assertThat(GreenMailUtil.getBody(SMTP.to("ben@school.example").get(1))).contains("round 2 of 3",
                "https://lantern.school.example/alerts/" + id).doesNotContain("kill", "k1ll", "Robin");
        assertThat(POSTS).hasSize(3).satisfiesExactly(
                first -> assertThat(first).contains("\"alertId\":" + id, "\"round\":1"),
                second -> assertThat(second).contains("\"round\":2"),
                third -> assertThat(third).contains("\"round\":3"));
        assertThat(subjectsTo("safeguarding@school.example")).as("nobody acknowledged yet: not told")
                .doesNotContain("Lantern on-call alert " + id + ": nobody acknowledged");

        assertThat(serverAt(Duration.ofMinutes(96)).advanceDue()).as("the third round is over").isEqualTo(1);
        assertThat(sendOwed()).isEqualTo(1);
        assertThat(serverAt(Duration.ofHours(6)).advanceDue()).as("ended: no fourth round").isZero();
        assertThat(sendOwed()).isZero();

        MimeMessage toTeam = SMTP.to("safeguarding@school.example").stream()
                .filter(m -> subject(m).equals("Lantern on-call alert " + id + ": nobody acknowledged")).findFirst()
                .orElseThrow();
        assertThat(GreenMailUtil.getBody(toTeam)).contains("gone through 3 times", "15 minutes",
                "https://lantern.school.example/alerts/" + id).doesNotContain("kill", "k1ll", "Robin", "robin.rounds");
        assertThat(subjectsTo("ann@school.example")).hasSize(3);
        assertThat(POSTS).hasSize(3);
        assertThat(escalation().status(id).orElseThrow().unanswered()).isTrue();
        assertThat(notes.on(id)).extracting(AlertNote::author, AlertNote::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SafeguardingAlerts.MONITOR, "Nobody on the on-call list acknowledged "
                        + "this alert: the list was gone through 3 times and the DSL's team was emailed."));
        assertThat(audit.entriesFor(AlertAccessLog.ALERT, Long.toString(id))).extracting(AuditEntry::action)
                .filteredOn(a -> a.startsWith("alert.on-call")).containsExactly("alert.on-call-told",
                        "alert.on-call-told", "alert.on-call-told", "alert.on-call-told", "alert.on-call-told",
                        "alert.on-call-told", "alert.on-call-unanswered");
    }

    @Test
    void anAcknowledgementInTheSecondRoundStopsTheChainAndNobodyElseIsTold() throws Exception {
        list.add("Ann Dsl", "ann@school.example", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/ann", "dsl");
        long id = safeguarding.record(risk()).id();
        sendAll();
        serverAt(Duration.ofMinutes(16)).advanceDue();
        sendAll();
        assertThat(escalation().status(id).orElseThrow().round()).isEqualTo(2);

        mvc.perform(post("/api/v1/alerts/" + id + "/acknowledge").with(authentication(TestUsers.signedIn(accountService,
                        accounts, "rounds.dsl", Role.DSL))).with(csrf()))
                .andExpect(status().isOk());

        assertThat(serverAt(Duration.ofHours(3)).advanceDue()).isZero();
        assertThat(sendOwed()).isZero();
        assertThat(subjectsTo("ann@school.example")).hasSize(2);
        assertThat(POSTS).hasSize(2);
        assertThat(escalation().status(id).orElseThrow().unanswered()).isFalse();
        assertThat(subjectsTo("safeguarding@school.example")).noneMatch(s -> s.endsWith("nobody acknowledged"));
        assertThat(notes.on(id)).isEmpty();
    }

    private OnCallEscalation escalation() {
        return context.getBean(OnCallEscalation.class);
    }
}
