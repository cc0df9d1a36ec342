package org.lantern.server.filtering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.lantern.server.filtering.bypass.BypassAttempts;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the in-process ICAP server does besides answering Squid: alerts for illegal content,
 * bypass attempts in the register, and its counters on {@code /actuator/prometheus}. Real REQMOD
 * requests over a socket, with metrics export on (so its own context and decision-log directory,
 * closed afterwards rather than holding database connections).
 */
@PersistenceTest
@DirtiesContext
@AutoConfigureMockMvc
@AutoConfigureObservability
@TestPropertySource(properties = {
        "lantern.filter.lists=src/test/resources/filtering/lists",
        "lantern.filter.illegal-lists=src/test/resources/filtering/iwf-child-abuse.txt",
        "lantern.filter.people-cache=0s",
        "lantern.icap.port=0",
        "lantern.data-dir=target/icap-metrics-test-data",
        "spring.datasource.hikari.maximum-pool-size=3"})
class IcapAlertsAndMetricsTest {

    @Autowired
    InProcessIcap icap;
    @Autowired
    FilterService filter;
    @Autowired
    BypassAttempts bypassAttempts;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private String icap(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", icap.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                response.write(buffer, 0, n);
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    private String reqmod(String url, String clientIp) throws IOException {
        filter.listsLoaded().join();
        String http = "GET " + url + " HTTP/1.1\r\nHost: ignored.example\r\n\r\n";
        return icap("REQMOD icap://127.0.0.1:" + icap.port() + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + "X-Client-IP: " + clientIp + "\r\nAllow: 204\r\nConnection: close\r\n"
                + "Encapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http);
    }

    @Test
    void illegalContentIsBlockedAndRaisesAnAlertWithoutTheProxyWaitingForIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);

        String answer = reqmod("http://abuse.invalid/" + tag, "10.44.0.1");

        assertThat(answer).startsWith("ICAP/1.0 200").contains("HTTP/1.1 403");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT kind || ' ' || client_ip || ' ' || rule FROM filter_alert WHERE url LIKE :u")
                .param("u", "%" + tag).query(String.class).list())
                .containsExactly("ILLEGAL_CONTENT 10.44.0.1 ILLEGAL_LIST"));
    }

    @Test
    void aRequestToABareIpAddressIsRecordedAsABypassAttempt() throws Exception {
        String ip = "10.45." + (1 + (int) (Math.random() * 250)) + "." + (1 + (int) (Math.random() * 250));

        String answer = reqmod("http://" + ip + "/", "10.44.0.2");

        assertThat(answer).startsWith("ICAP/1.0 204");
        assertThat(bypassAttempts.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(jdbc.sql("SELECT category || ' ' || action || ' ' || rule || ' ' || client_ip FROM bypass_attempt "
                        + "WHERE host = :h").param("h", ip).query(String.class).list())
                .containsExactly("raw-ip ALLOW_AND_LOG RAW_IP 10.44.0.2");
    }

    @Test
    void requestsVerdictsAndMalformedRequestsAreCountedAsMeters() throws Exception {
        double requests = meters.get("lantern.icap.requests").tag("method", "REQMOD").functionCounter().count();
        double blocks = meters.get("lantern.icap.verdicts").tag("verdict", "block").functionCounter().count();
        double malformed = meters.get("lantern.icap.errors").tag("status", "400").functionCounter().count();

        reqmod("http://casino.example/", "10.44.0.3");
        icap("NOT ICAP AT ALL\r\n\r\n");

        assertThat(meters.get("lantern.icap.requests").tag("method", "REQMOD").functionCounter().count())
                .isEqualTo(requests + 1);
        assertThat(meters.get("lantern.icap.verdicts").tag("verdict", "block").functionCounter().count())
                .isEqualTo(blocks + 1);
        assertThat(meters.get("lantern.icap.errors").tag("status", "400").functionCounter().count())
                .isEqualTo(malformed + 1);
    }

    @Test
    @WithMockUser(authorities = "ACCOUNTS_MANAGE")
    void prometheusShowsTheIcapCounters() throws Exception {
        reqmod("http://library.example/", "10.44.0.4");

        String scrape = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();

        assertThat(scrape).contains("lantern_icap_requests_total{method=\"REQMOD\"}",
                "lantern_icap_verdicts_total{verdict=\"allow\"}", "lantern_icap_errors_total{status=\"400\"}",
                "lantern_icap_unreadable_urls_total", "lantern_icap_connections_open",
                "lantern_bypass_attempts_dropped_total", "lantern_alerts_emails_failed_total");
    }
}
