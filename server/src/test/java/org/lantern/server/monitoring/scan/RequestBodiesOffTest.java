package org.lantern.server.monitoring.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lantern.server.activity.DecisionLogIngestJob;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.support.IcapExchange;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With request bodies off (the default: a policy that says nothing of typed text), the ICAP server asks Squid for no preview, and a body a
 * client sends anyway is never read: what pupils type is not monitored unless the school says so.
 */
@PersistenceTest
@DirtiesContext
@TestPropertySource(properties = {
        "lantern.filter.lists=src/test/resources/filtering/lists",
        "lantern.filter.illegal-lists=src/test/resources/filtering/iwf-child-abuse.txt",
        "lantern.filter.people-cache=0s",
        "lantern.data-dir=target/monitor-bodies-off-test-data",
        "spring.datasource.hikari.maximum-pool-size=3"})
class RequestBodiesOffTest {

    private static final int ICAP_PORT = IcapExchange.freePort();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("lantern.icap.port", () -> ICAP_PORT);
    }

    @Autowired
    FilterService filter;
    @Autowired
    DecisionLogIngestJob decisionLog;
    @Autowired
    ScanQueue queue;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyService policies;

    @Test
    void turningTypedTextOnInThePolicyAsksSquidForThePolicysPreviewWithoutARestart() throws Exception {
        filter.listsLoaded().join();
        String before = policies.current().orElseThrow().yaml();
        try {
            policies.propose(before + "\ntlsInspection: {enabled: true}\nmonitoring: {typedText: true, typedTextMaxBytes: 2048}\n", "test", "read typed text");

            assertThat(options()).contains("Preview: 2048\r\n");
        } finally {
            policies.propose(before, "test", "back to the policy's default");
        }
        assertThat(options()).contains("Preview: 0\r\n");
    }

    private static String options() throws IOException {
        return icap("OPTIONS icap://127.0.0.1:" + ICAP_PORT + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    }

    @Test
    void optionsAsksForNoPreviewAndABodySentAnywayRaisesNoAlert() throws Exception {
        filter.listsLoaded().join();
        long pupil = TestPeople.pupil(jdbc, "Kim", TestPeople.unique("Off"));
        String user = TestPeople.unique("kim.");
        people.addIdentity(pupil, NetworkIdentityType.PROXY_USERNAME, user);
        people.grantAccess(pupil, "test", "a pupil who may browse");
        String body = "message=tonight+i+will+kill+myself";
        String http = "POST https://chat.example/send HTTP/1.1\r\nHost: chat.example\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n\r\n";

        String options = icap("OPTIONS icap://127.0.0.1:" + ICAP_PORT + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
        String answer = icap("REQMOD icap://127.0.0.1:" + ICAP_PORT + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + "X-Client-IP: 10.67.0.1\r\nX-Client-Username: " + user + "\r\nAllow: 204\r\nPreview: " + body.length()
                + "\r\nConnection: close\r\nEncapsulated: req-hdr=0, req-body=" + http.length() + "\r\n\r\n" + http
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0; ieof\r\n\r\n");
        decisionLog.ingest();

        assertThat(options).contains("Preview: 0\r\n");
        assertThat(answer).startsWith("ICAP/1.0 204");
        assertThat(queue.flush(Duration.ofSeconds(20))).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM filter_alert WHERE person_id = :p").param("p", pupil)
                .query(Long.class).single()).isZero();
    }

    private static String icap(String request) throws IOException {
        return IcapExchange.exchange(ICAP_PORT, request.getBytes(StandardCharsets.UTF_8));
    }
}
