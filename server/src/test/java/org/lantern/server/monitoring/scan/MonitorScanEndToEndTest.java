package org.lantern.server.monitoring.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lantern.server.activity.DecisionLogIngestJob;
import org.lantern.server.alerts.SafeguardingAlerts;
import org.lantern.server.alerts.SafeguardingRisk;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.ApiTokenScope;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Role;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.IcapExchange;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestSmtp;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The safeguarding monitor end to end, with real parts: a search through the in-process ICAP
 * server, a Squid log line sent to the ingest API and a form post typed into a page each become a
 * safeguarding alert in the register for the pupil who made them, and a level 4-5 alert is
 * emailed at once through the outbox to a real SMTP server (GreenMail), naming the kind and
 * linking to the alert but never the words. Request bodies are read here (the school's policy
 * turns typed text on); {@link RequestBodiesOffTest} has them off, as a policy silent on it does.
 */
@PersistenceTest
@DirtiesContext
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "lantern.filter.lists=src/test/resources/filtering/lists",
        "lantern.filter.illegal-lists=src/test/resources/filtering/iwf-child-abuse.txt",
        "lantern.filter.people-cache=0s",
        "lantern.data-dir=target/monitor-scan-test-data",
        "lantern.activity.decision-ingest-interval=PT0.2S",
        "lantern.alerts.mail.from=lantern@school.example",
        "lantern.alerts.mail.extra-recipients=safeguarding@school.example",
        "lantern.alerts.mail.retry-interval=PT1H",
        "lantern.alerts.mail.initial-delay=PT1H",
        "lantern.public-url=https://lantern.school.example/",
        "spring.datasource.hikari.maximum-pool-size=3"})
class MonitorScanEndToEndTest {

    private static final int ICAP_PORT = IcapExchange.freePort();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestSmtp SMTP = new TestSmtp();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        SMTP.mailProperties(registry);
        registry.add("lantern.icap.port", () -> ICAP_PORT);
    }

    @Autowired
    FilterService filter;
    @Autowired
    DecisionLogIngestJob decisionLog;
    @Autowired
    ScanQueue queue;
    @Autowired
    SafeguardingAlerts safeguardingAlerts;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    PolicyService policies;

    private long pupil;
    private String user;

    @BeforeEach
    void aYear7PupilKnownByProxyUserName() throws Exception {
        AlertTables.clear(jdbc);
        SMTP.emptied();
        pupil = TestPeople.pupil(jdbc, "Robin", TestPeople.unique("Scan"));
        user = TestPeople.unique("robin.");
        people.addIdentity(pupil, NetworkIdentityType.PROXY_USERNAME, user);
        people.grantAccess(pupil, "test", "a pupil who may browse");
        filter.listsLoaded().join();
        if (policies.currentDocument().monitoring() == null) {
            policies.propose(policies.current().orElseThrow().yaml()
                    + "\ntlsInspection: {enabled: true}\nmonitoring: {typedText: true}\n", "test",
                    "read what pupils type");
        }
    }

    @Test
    void aSearchThroughIcapBecomesAnAlertForThePupilAndAnEmailWithoutTheWords() throws Exception {
        String answer = icap(reqmod("GET https://www.google.com/search?q=how+to+k1ll+myself HTTP/1.1", ""));

        assertThat(answer).startsWith("ICAP/1.0 ");
        long id = awaitAlert("suicide");
        assertThat(jdbc.sql("SELECT kind || ' ' || level || ' ' || occurrences || ' ' || subject_name FROM filter_alert "
                + "WHERE id = :id").param("id", id).query(String.class).single())
                .startsWith("SAFEGUARDING_RISK 5 1 Robin ");
        assertThat(jdbc.sql("SELECT reason FROM filter_alert WHERE id = :id").param("id", id).query(String.class).single())
                .contains("A search matched the phrase '", "kill myself'", "k1ll", "rule: alone", "library lantern-suicide",
                        "for age band ks3");
        assertThat(seenIn(id)).containsExactly("search ks3");

        MimeMessage email = awaitEmail(id);
        String body = GreenMailUtil.getBody(email);
        assertThat(email.getSubject()).isEqualTo("Lantern alert " + id + ": Safeguarding risk");
        assertThat(body).contains("Suicide", "https://lantern.school.example/alerts/" + id)
                .doesNotContain("k1ll", "kill", "myself", "Robin", user);
    }

    @Test
    void aSearchRepeatedWithinTheWindowIsCountedOnOneAlertAndEmailedOnce() throws Exception {
        icap(reqmod("GET https://www.google.com/search?q=how+to+k1ll+myself HTTP/1.1", ""));
        long id = awaitAlert("suicide");
        awaitEmail(id);

        icap(reqmod("GET https://www.bing.com/search?q=i+want+to+kill+myself HTTP/1.1", ""));

        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("SELECT occurrences FROM filter_alert WHERE id = :id")
                .param("id", id).query(Integer.class).single()).isEqualTo(2));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM filter_alert WHERE person_id = :p").param("p", pupil)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(queue.flush(WAIT)).isTrue();
        assertThat(emails(id)).hasSize(1);
    }

    @Test
    void aSquidLogLineSentToTheIngestApiBecomesAnAlertJudgedForThePupilsYearGroup() throws Exception {
        jdbc.sql("UPDATE person SET year_group = '10' WHERE id = :id").param("id", pupil).update();
        String admin = TestPeople.unique("scan.admin.");
        accounts.create(admin, "Scan Admin", Role.ADMIN, "a password 1", "test");
        String token = tokens.create(admin, "proxy", 1, ApiTokenScope.INGEST, "test").token();
        String line = (Instant.now().getEpochSecond() - 60) + ".123     45 10.9.9.9 TCP_MISS/200 1234 GET "
                + "http://www.bing.com/search?q=i+want+to+die " + user + " HIER_DIRECT/192.0.2.1 text/html\n";

        mvc.perform(post("/api/v1/activity/ingest").param("format", "squid")
                        .param("source", "test:" + TestPeople.unique("squid")).param("start", "0")
                        .header("Authorization", "Bearer " + token).contentType("text/plain")
                        .content(line.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());

        long id = awaitAlert("suicide");
        assertThat(seenIn(id)).singleElement().asString().endsWith(" ks4");
        assertThat(awaitEmail(id).getSubject()).endsWith(": Safeguarding risk");
    }

    @Test
    void aFormPostTypedIntoAPageIsReadAfterTheAnswerAndBecomesAnAlert() throws Exception {
        String answer = icap(reqmodWithBody("POST https://chat.example/send HTTP/1.1",
                "application/x-www-form-urlencoded", "to=sam&message=tonight+i+will+kill+myself".getBytes(
                        StandardCharsets.UTF_8), true));

        assertThat(answer).startsWith("ICAP/1.0 204");
        long id = awaitAlert("suicide");
        assertThat(seenIn(id)).containsExactly("typed ks3");
        assertThat(jdbc.sql("SELECT url FROM filter_alert WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("https://chat.example/send");
    }

    @Test
    void aJsonChatMessageIsReadToo() throws Exception {
        icap(reqmodWithBody("POST https://chat.example/api/messages HTTP/1.1", "application/json; charset=utf-8",
                "{\"message\":{\"text\":\"i want to die\"},\"room\":7}".getBytes(StandardCharsets.UTF_8), true));

        assertThat(seenIn(awaitAlert("suicide"))).containsExactly("typed ks3");
    }

    @Test
    void badBodiesAreAnsweredAndScannedWithoutErrors() throws Exception {
        double failedBefore = meters.get("lantern.monitoring.scan.failed").counter().count();
        byte[] megabyte = new byte[1 << 20];
        Arrays.fill(megabyte, (byte) 'a');
        byte[] start = "message=kill+myself&pad=".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, megabyte, 0, start.length);
        byte[] invalidUtf8 = {'m', '=', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'x'};
        byte[] nul = "m=a\u0000b%00c".getBytes(StandardCharsets.UTF_8);
        byte[] rightToLeft = "{\"t\":\"\u202Eأريد أن أموت\u202C \u200Fkill myself\"}".getBytes(StandardCharsets.UTF_8);

        List<String> answers = List.of(
                icap(reqmodWithBody("POST https://forum.example/post HTTP/1.1", "application/x-www-form-urlencoded",
                        megabyte, false)),
                icap(reqmodWithBody("POST https://forum.example/post HTTP/1.1", "application/x-www-form-urlencoded",
                        invalidUtf8, true)),
                icap(reqmodWithBody("POST https://forum.example/post HTTP/1.1", "application/x-www-form-urlencoded",
                        nul, true)),
                icap(reqmodWithBody("POST https://forum.example/post HTTP/1.1", "application/json", rightToLeft, true)));

        assertThat(answers).allSatisfy(a -> assertThat(a).startsWith("ICAP/1.0 204"));
        assertThat(queue.flush(WAIT)).isTrue();
        assertThat(meters.get("lantern.monitoring.scan.failed").counter().count()).isEqualTo(failedBefore);
        long id = awaitAlert("suicide");
        assertThat(jdbc.sql("SELECT occurrences FROM filter_alert WHERE id = :id").param("id", id)
                .query(Integer.class).single()).as("the megabyte's start and the right-to-left message").isEqualTo(2);
    }

    @Test
    void aSearchForIllegalContentIsAnIllegalAlertWithItsWordsMaskedEverywhere() throws Exception {
        icap(reqmod("GET https://www.google.com/search?q=underage+nudes HTTP/1.1", ""));

        long id = awaitAlert("SAFEGUARDING_ILLEGAL", "illegal");
        assertThat(queue.flush(WAIT)).isTrue();
        List<String> stored = new ArrayList<>(jdbc.sql("SELECT url || ' ' || reason || ' ' || list_entry FROM filter_alert "
                + "WHERE person_id = :p").param("p", pupil).query(String.class).list());
        stored.addAll(jdbc.sql("SELECT phrase || ' ' || normalised || ' ' || matched_text FROM safeguarding_match m "
                + "JOIN filter_alert a ON a.id = m.alert_id WHERE a.person_id = :p").param("p", pupil)
                .query(String.class).list());
        assertThat(stored).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContainIgnoringCase("nudes")
                .doesNotContainIgnoringCase("underage"));
        assertThat(jdbc.sql("SELECT url FROM filter_alert WHERE id = :id").param("id", id).query(String.class).single())
                .startsWith("https://www.google.com/*");
        assertThat(GreenMailUtil.getBody(awaitEmail(id))).doesNotContainIgnoringCase("nudes");
    }

    @Test
    void aLevelThreeAlertIsInTheRegisterButNotEmailed() throws Exception {
        var alert = safeguardingAlerts.record(new SafeguardingRisk(Instant.now(), pupil, "Robin", user, null,
                "https://www.google.com/search?q=x", SafeguardingRisk.Seen.SEARCH, "ks3", 3, "drugs", false, "x", "x",
                "x", "x", "alone", "lantern-starter", "1", false, 1, Duration.ofHours(24)));

        assertThat(alert.email()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_email WHERE alert_id = :id").param("id", alert.id())
                .query(Long.class).single()).isZero();
    }

    private long awaitAlert(String category) {
        return awaitAlert("SAFEGUARDING_RISK", category);
    }

    private long awaitAlert(String kind, String category) {
        long[] id = new long[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            decisionLog.ingest();
            queue.flush(WAIT);
            List<Long> ids = jdbc.sql("SELECT id FROM filter_alert WHERE person_id = :p AND category_id = :c "
                    + "AND kind = :k").param("p", pupil).param("c", category).param("k", kind).query(Long.class).list();
            assertThat(ids).hasSize(1);
            id[0] = ids.getFirst();
        });
        return id[0];
    }

    private List<String> seenIn(long alertId) {
        return jdbc.sql("SELECT seen_in || ' ' || age_band FROM safeguarding_match WHERE alert_id = :id ORDER BY id")
                .param("id", alertId).query(String.class).list();
    }

    /** The emails about one alert: a previous test's may still arrive after the mailbox was emptied. */
    private static List<MimeMessage> emails(long alertId) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith("Lantern alert " + alertId + ":");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage awaitEmail(long alertId) {
        await().atMost(WAIT).until(() -> !emails(alertId).isEmpty());
        return emails(alertId).getFirst();
    }

    private String reqmod(String requestLine, String headers) {
        String http = requestLine + "\r\nHost: ignored.example\r\n" + headers + "\r\n";
        return "REQMOD icap://127.0.0.1:" + ICAP_PORT + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + "X-Client-IP: 10.66.0.1\r\nX-Client-Username: " + user + "\r\nAllow: 204\r\nConnection: close\r\n"
                + "Encapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http;
    }

    /** A REQMOD with a preview of the body as Squid sends one: at most 64 KB, {@code ieof} when it is all. */
    private byte[] reqmodWithBody(String requestLine, String contentType, byte[] body, boolean whole) {
        String http = requestLine + "\r\nHost: ignored.example\r\nContent-Type: " + contentType + "\r\n\r\n";
        int preview = Math.min(body.length, 65536);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("REQMOD icap://127.0.0.1:" + ICAP_PORT + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + "X-Client-IP: 10.66.0.1\r\nX-Client-Username: " + user + "\r\nAllow: 204\r\nPreview: " + preview
                + "\r\nConnection: close\r\nEncapsulated: req-hdr=0, req-body=" + http.length() + "\r\n\r\n" + http
                + Integer.toHexString(preview) + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(body, 0, preview);
        out.writeBytes(("\r\n" + (whole ? "0; ieof\r\n\r\n" : "0\r\n\r\n")).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String icap(String request) throws IOException {
        return icap(request.getBytes(StandardCharsets.UTF_8));
    }

    private static String icap(byte[] request) throws IOException {
        return IcapExchange.exchange(ICAP_PORT, request);
    }
}
