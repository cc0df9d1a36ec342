package org.lantern.server.filtering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.server.activity.DecisionLogIngestJob;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process ICAP filter's decisions reach the activity log through the decision-log job,
 * attributed and exactly once however often the job runs.
 */
@FilteringTest
class DecisionLogIngestTest {

    @Autowired
    InProcessIcap icap;
    @Autowired
    FilterService filter;
    @Autowired
    DecisionLogIngestJob job;
    @Autowired
    ActivityStore store;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    private void reqmod(String url, String clientIp) throws IOException {
        String http = "GET " + url + " HTTP/1.1\r\nHost: ignored.example\r\n\r\n";
        String request = "REQMOD icap://127.0.0.1:" + icap.port() + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + "X-Client-IP: " + clientIp + "\r\nAllow: 204\r\nConnection: close\r\n"
                + "Encapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http;
        try (Socket socket = new Socket("127.0.0.1", icap.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            in.transferTo(new ByteArrayOutputStream());
        }
    }

    private List<ActivityRow> stored(String tag) {
        return store.search(new ActivityQuery(null, null, null, null, null, null, null, null, tag, null, null, null),
                null, 100).rows();
    }

    @Test
    void everyDecisionIsStoredOnceAttributedHoweverOftenTheJobRuns() throws Exception {
        filter.listsLoaded().join();
        long pupil = TestPeople.pupil(jdbc, "Ivy", TestPeople.unique("Icap"));
        String ip = "10.77." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
        people.addIdentity(pupil, NetworkIdentityType.DEVICE_IP, ip);
        people.grantAccess(pupil, "test", "a pupil who may browse");
        String tag = UUID.randomUUID().toString().substring(0, 8);

        reqmod("http://casino.example/" + tag, ip);
        reqmod("http://library.example/" + tag, ip);
        long deadline = System.currentTimeMillis() + 10_000;
        while (stored(tag).size() < 2 && System.currentTimeMillis() < deadline) {
            job.ingest();
            Thread.sleep(50);
        }
        job.ingest();
        job.ingest();

        assertThat(stored(tag)).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.personId()).isEqualTo(pupil);
                    assertThat(r.yearGroup()).isEqualTo("7");
                    assertThat(r.clientIp()).isEqualTo(ip);
                    assertThat(r.source()).isEqualTo("lantern");
                })
                .anySatisfy(r -> assertThat(r.action()).startsWith("BLOCK"))
                .anySatisfy(r -> assertThat(r.action()).startsWith("ALLOW"));
    }
}
