package org.lantern.server.alerts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lantern.server.activity.DecisionLogIngestJob;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.ApiTokenScope;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Role;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.IcapExchange;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestSmtp;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lantern.server.support.TestSmtp.subject;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Delivery of safeguarding alerts end to end, with real parts: a pupil's search at night through
 * the in-process ICAP server becomes a level-5 alert in the queue, emailed to the DSL's team
 * (GreenMail) and sent down the on-call list by email and by webhook (a local HTTP server), to the
 * second person when the first does not acknowledge in time, and no further once acknowledged. A
 * webhook that answers 500 and one that hangs are retried with back-off and given up while the
 * others are served. A Squid log of events hours old is counted in the digests, not emailed at
 * once; the daily digest goes on the next school day. School hours here are one minute on Sundays, so "now" is out of hours.
 */
@PersistenceTest
@DirtiesContext
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "lantern.filter.lists=src/test/resources/filtering/lists",
        "lantern.filter.illegal-lists=src/test/resources/filtering/iwf-child-abuse.txt",
        "lantern.filter.people-cache=0s",
        "lantern.data-dir=target/monitor-delivery-test-data",
        "lantern.activity.decision-ingest-interval=PT0.2S",
        "lantern.alerts.mail.from=lantern@school.example",
        "lantern.alerts.mail.extra-recipients=safeguarding@school.example",
        "lantern.alerts.mail.retry-interval=PT0.5S",
        "lantern.alerts.mail.max-retry-interval=PT1S",
        "lantern.alerts.mail.initial-delay=PT0.5S",
        "lantern.alerts.delivery.retry-interval=PT0.3S",
        "lantern.alerts.delivery.school-hours.days=SUNDAY",
        "lantern.alerts.delivery.school-hours.start=00:00",
        "lantern.alerts.delivery.school-hours.end=00:01",
        "lantern.alerts.delivery.on-call.ack-timeout=PT3S",
        "lantern.alerts.delivery.on-call.check-interval=PT0.3S",
        "lantern.alerts.delivery.webhook.timeout=PT3S",
        "lantern.alerts.delivery.webhook.max-attempts=3",
        "lantern.alerts.delivery.digest.check-interval=PT1H",
        "lantern.public-url=https://lantern.school.example/",
        "spring.datasource.hikari.maximum-pool-size=4"})
class MonitorDeliveryEndToEndTest {

    private static final int ICAP_PORT = IcapExchange.freePort();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final TestSmtp SMTP = new TestSmtp();

    /** What each webhook path was sent, and when, in order. */
    private static final Map<String, List<String>> POSTS = new ConcurrentHashMap<>();
    private static final Map<String, List<Instant>> POSTED_AT = new ConcurrentHashMap<>();
    private static HttpServer webhooks;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        SMTP.mailProperties(registry);
        registry.add("lantern.icap.port", () -> ICAP_PORT);
    }

    /** {@code /ok/...} answers 204, {@code /fail} 500, {@code /hang} nothing for ten seconds. */
    @BeforeAll
    static void startWebhooks() throws IOException {
        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhooks.setExecutor(Executors.newCachedThreadPool());
        webhooks.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            POSTED_AT.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(Instant.now());
            POSTS.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                            + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            if (path.equals("/hang")) {
                sleep(Duration.ofSeconds(10));
            }
            answer(exchange, path.equals("/fail") ? 500 : 204);
        });
        webhooks.start();
    }

    @AfterAll
    static void stopWebhooks() {
        webhooks.stop(0);
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hook(String path) {
        return "http://127.0.0.1:" + webhooks.getAddress().getPort() + path;
    }

    @Autowired
    FilterService filter;
    @Autowired
    DecisionLogIngestJob decisionLog;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    OnCallList onCall;
    @Autowired
    DeliveryOutbox deliveries;
    @Autowired
    AlertDigest digest;

    private long pupil;
    private String user;

    @BeforeEach
    void aPupilKnownByProxyUserName() throws Exception {
        AlertTables.clear(jdbc);
        SMTP.emptied();
        POSTS.clear();
        POSTED_AT.clear();
        pupil = TestPeople.pupil(jdbc, "Robin", TestPeople.unique("Delivery"));
        user = TestPeople.unique("robin.");
        people.addIdentity(pupil, NetworkIdentityType.PROXY_USERNAME, user);
        people.grantAccess(pupil, "test", "a pupil who may browse");
        filter.listsLoaded().join();
    }

    @Test
    void aSearchAtNightGoesDownTheOnCallListByEmailAndWebhookUntilAcknowledged() throws Exception {
        onCall.add("Ann Dsl", "ann@school.example", hook("/ok/ann"), "dsl");
        onCall.add("Ben Deputy", "ben@school.example", hook("/ok/ben"), "dsl");
        onCall.add("Cat Head", "cat@school.example", hook("/ok/cat"), "dsl");

        IcapExchange.reqmod(ICAP_PORT, "https://www.google.com/search?q=how+to+k1ll+myself", user);

        long id = awaitAlert();
        assertThat(awaitEmail("safeguarding@school.example", "Lantern alert " + id + ":").getSubject())
                .isEqualTo("Lantern alert " + id + ": Safeguarding risk");
        MimeMessage toAnn = awaitEmail("ann@school.example", "Lantern on-call alert " + id + ":");
        assertThat(GreenMailUtil.getBody(toAnn)).contains("https://lantern.school.example/alerts/" + id, "on call")
                .doesNotContain("k1ll", "kill", "Robin", user);
        String annPost = awaitPost("/ok/ann");
        assertThat(annPost).contains("\"kind\":\"SAFEGUARDING_RISK\"", "\"level\":5", "\"alertId\":" + id,
                        "\"link\":\"https://lantern.school.example/alerts/" + id + "\"", "application/json")
                .doesNotContain("k1ll", "kill", "Robin", user);

        awaitPost("/ok/ben");
        awaitEmail("ben@school.example", "Lantern on-call alert " + id + ":");
        Instant started = jdbc.sql("SELECT started_at FROM alert_escalation WHERE alert_id = :id").param("id", id)
                .query((rs, n) -> AlertRegister.instant(rs, "started_at")).single();
        assertThat(POSTED_AT.get("/ok/ben").getFirst()).as("Ben is told when Ann's three seconds are up")
                .isAfterOrEqualTo(started.plusSeconds(3));

        mvc.perform(post("/api/v1/alerts/" + id + "/acknowledge").with(authentication(TestUsers.signedIn(
                        accountService, accounts, "delivery.dsl", Role.DSL))).with(csrf()))
                .andExpect(status().isOk());
        sleep(Duration.ofSeconds(5));
        assertThat(POSTS).as("acknowledged before Cat's turn").doesNotContainKey("/ok/cat");
        assertThat(emailsTo("cat@school.example")).isEmpty();
    }

    @Test
    void aWebhookAnswering500AndOneThatHangsAreRetriedAndGivenUpWhileOthersAreServed() {
        deliveries.owe(DeliveryOutbox.Channel.WEBHOOK, hook("/hang"), null, "{\"alertId\":1}", "ON_CALL", null);
        deliveries.owe(DeliveryOutbox.Channel.WEBHOOK, hook("/fail"), null, "{\"alertId\":2}", "ON_CALL", null);
        deliveries.owe(DeliveryOutbox.Channel.WEBHOOK, hook("/ok/dan"), null, "{\"alertId\":3}", "ON_CALL", null);
        deliveries.wake();

        awaitPost("/ok/dan");
        await().atMost(WAIT).until(() -> POSTED_AT.containsKey("/hang"));
        assertThat(POSTED_AT.get("/ok/dan").getFirst())
                .as("served while the hanging webhook was still being waited for")
                .isBefore(POSTED_AT.get("/hang").getFirst().plusSeconds(3));

        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("SELECT destination || ' ' || attempts || ' ' "
                        + "|| CASE WHEN failed_at IS NULL THEN 'retrying' ELSE 'given up' END || ' ' || "
                        + "COALESCE(last_error, 'sent') FROM alert_delivery ORDER BY id").query(String.class).list())
                .satisfiesExactly(
                        hang -> assertThat(hang).startsWith(hook("/hang") + " 3 given up ").containsIgnoringCase("timed out"),
                        fail -> assertThat(fail).isEqualTo(hook("/fail") + " 3 given up the webhook answered HTTP 500"),
                        ok -> assertThat(ok).isEqualTo(hook("/ok/dan") + " 1 retrying sent")));
        assertThat(POSTS.get("/fail")).as("bounded: three attempts").hasSize(3);
        List<Instant> tries = POSTED_AT.get("/fail");
        assertThat(Duration.between(tries.get(1), tries.get(2)))
                .as("backing off").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void yesterdaysSquidLogImportedNowIsNotEmailedAtOnceButCountedInTheDigestsOnce() throws Exception {
        onCall.add("Ann Dsl", "ann@school.example", hook("/ok/ann"), "dsl");
        String admin = TestPeople.unique("delivery.admin.");
        accountService.create(admin, "Delivery Admin", Role.ADMIN, "a password 1", "test");
        String token = tokens.create(admin, "proxy", 1, ApiTokenScope.INGEST, "test").token();
        String line = (Instant.now().getEpochSecond() - 3 * 3600) + ".123     45 10.9.9.9 TCP_MISS/200 1234 GET "
                + "http://www.bing.com/search?q=i+want+to+die " + user + " HIER_DIRECT/192.0.2.1 text/html\n";

        mvc.perform(post("/api/v1/activity/ingest").param("format", "squid")
                        .param("source", "test:" + TestPeople.unique("squid")).param("start", "0")
                        .header("Authorization", "Bearer " + token).contentType("text/plain")
                        .content(line.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());

        long id = awaitAlert();
        sleep(Duration.ofSeconds(2));
        assertThat(SMTP.getReceivedMessages()).as("no email at once about old events").isEmpty();
        assertThat(POSTS).as("nor the on-call list").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_email WHERE alert_id = :id").param("id", id)
                .query(Long.class).single()).isZero();

        // School days here are Sundays, so the daily digest goes on the next Sunday.
        Instant nextSchoolDay = SchoolTime.today().with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).atTime(LocalTime.of(8, 0))
                .atZone(SchoolTime.ZONE).toInstant();
        Instant nextWeek = SchoolTime.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(LocalTime.of(8, 0))
                .atZone(SchoolTime.ZONE).toInstant();
        assertThat(digest.makeDue(nextSchoolDay) + digest.makeDue(nextWeek)).as("the daily and the weekly digest")
                .isEqualTo(2);
        assertThat(digest.makeDue(nextSchoolDay) + digest.makeDue(nextWeek)).as("once").isZero();

        MimeMessage daily = awaitEmail("safeguarding@school.example", "Lantern daily digest: 1 safeguarding alert from ");
        assertThat(GreenMailUtil.getBody(daily)).contains("Level 5: Suicide 1",
                        "1 of them was about events more than 60 minutes old when they reached Lantern (an imported log)",
                        "https://lantern.school.example/alerts?kind=SAFEGUARDING_RISK&status=NEW")
                .doesNotContain("die", "Robin", user, "bing");
        awaitEmail("safeguarding@school.example", "Lantern weekly digest: 1 safeguarding alert from ");
    }

    private long awaitAlert() {
        long[] id = new long[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            decisionLog.ingest();
            List<Long> ids = jdbc.sql("SELECT id FROM filter_alert WHERE person_id = :p AND category_id = 'suicide'")
                    .param("p", pupil).query(Long.class).list();
            assertThat(ids).hasSize(1);
            id[0] = ids.getFirst();
        });
        return id[0];
    }

    private static String awaitPost(String path) {
        await().atMost(WAIT).until(() -> POSTS.containsKey(path));
        return POSTS.get(path).getFirst();
    }

    private static List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage awaitEmail(String address, String subjectStart) {
        await().atMost(WAIT).until(() -> emailsTo(address).stream().anyMatch(m -> subject(m).startsWith(subjectStart)));
        return emailsTo(address).stream().filter(m -> subject(m).startsWith(subjectStart)).findFirst().orElseThrow();
    }
}
