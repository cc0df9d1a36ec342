package org.lantern.server.filtering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.log.DecisionLogReader;
import org.lantern.filter.log.LogEntry;
import org.lantern.proxy.block.BlockLinkSigner;
import org.lantern.proxy.icap.IcapServerConfig;
import org.lantern.server.DataDirectoryPermissions;
import org.lantern.server.LanternProperties;
import org.lantern.server.filtering.bypass.BypassAttempts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process ICAP filter answers before its decision is forced to disk (docs/decisions.md says
 * what a crash can lose), but a clean stop loses nothing: every request answered before the stop
 * is in the decision log once the filter has stopped.
 */
@FilteringTest
class InProcessIcapShutdownTest {

    private static final int REQUESTS = 400;

    @TempDir
    Path dataDir;
    @Autowired
    FilterService filter;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    BypassAttempts bypassAttempts;
    @Autowired
    BlockLinkSigner signer;

    @Test
    void aCleanStopWritesEveryAnsweredDecision() throws Exception {
        filter.listsLoaded().join();
        InProcessIcap icap = new InProcessIcap(filter, events, bypassAttempts, new SimpleMeterRegistry(),
                new LanternProperties(LanternProperties.Mode.TEST, dataDir, null), signer, Optional.empty(), 0, "127.0.0.1",
                IcapServerConfig.BlockMode.PAGE, "", 8080);
        icap.start();
        int answered = 0;
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> replies = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String url = "http://" + (i % 2 == 0 ? "casino" : "library") + ".example/shutdown/" + i;
                replies.add(clients.submit(() -> reqmod(icap.port(), url)));
            }
            for (Future<Boolean> reply : replies) {
                answered += reply.get() ? 1 : 0;
            }
        }

        icap.destroy();

        assertThat(answered).isEqualTo(REQUESTS);
        try (Stream<LogEntry> entries = new DecisionLogReader(dataDir.resolve(DataDirectoryPermissions.DECISIONS)).entries()) {
            assertThat(entries.filter(e -> e.url().contains("/shutdown/")).count()).isEqualTo(REQUESTS);
        }
    }

    /** @return whether an ICAP answer came back */
    private static boolean reqmod(int port, String url) throws IOException {
        String http = "GET " + url + " HTTP/1.1\r\nHost: ignored.example\r\n\r\n";
        String request = "REQMOD icap://127.0.0.1:" + port + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + "X-Client-IP: 10.99.0.1\r\nAllow: 204\r\nConnection: close\r\n"
                + "Encapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.US_ASCII).startsWith("ICAP/1.0 ");
        }
    }
}
