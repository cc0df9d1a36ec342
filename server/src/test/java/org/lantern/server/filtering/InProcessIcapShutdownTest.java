package org.lantern.server.filtering;

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
import org.lantern.server.support.IcapExchange;
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
                replies.add(clients.submit(() -> IcapExchange.reqmod(icap.port(), url, null).startsWith("ICAP/1.0 ")));
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
}
