package org.lantern.server.filtering;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.decision.DecisionEngine;
import org.lantern.filter.decision.FilterSnapshot;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;
import org.lantern.proxy.icap.IcapServerConfig;
import org.lantern.server.LanternProperties;
import org.lantern.server.filtering.bypass.BypassAttempts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The server's own ICAP port opens only once the category lists are in force, so Squid never has a
 * pupil's request judged without them; a load that fails still lets it open on the other lists.
 */
class InProcessIcapListsTest {

    @TempDir
    Path data;

    private final CompletableFuture<CategoryLists> firstLoad = new CompletableFuture<>();
    private InProcessIcap icap;

    private Thread startInBackground() {
        FilterService filter = mock(FilterService.class);
        when(filter.listsLoaded()).thenReturn(firstLoad);
        when(filter.engine()).thenReturn(new DecisionEngine(
                FilterSnapshot.of(PolicyParser.parse(Presets.yaml("astley-park")), 1)));
        icap = new InProcessIcap(filter, event -> { }, mock(BypassAttempts.class), new SimpleMeterRegistry(),
                new LanternProperties(LanternProperties.Mode.TEST, data, null), null, Optional.empty(), 0, "127.0.0.1",
                IcapServerConfig.BlockMode.PAGE, "", 8080);
        return Thread.ofPlatform().start(icap::start);
    }

    @AfterEach
    void stop() throws Exception {
        if (icap != null) {
            icap.destroy();
        }
    }

    @Test
    void theIcapPortStaysClosedWhileTheCategoryListsLoad() throws Exception {
        Thread starting = startInBackground();

        assertThat(starting.join(Duration.ofMillis(500))).isFalse();
        assertThat(icap.port()).isEqualTo(-1);

        firstLoad.complete(CategoryLists.builder().build());
        assertThat(starting.join(Duration.ofSeconds(10))).isTrue();
        assertThat(icap.port()).isPositive();
    }

    @Test
    void aFailedFirstLoadStillOpensThePortOnTheOtherLists() throws Exception {
        Thread starting = startInBackground();

        firstLoad.completeExceptionally(new java.io.IOException("no list folder"));

        assertThat(starting.join(Duration.ofSeconds(10))).isTrue();
        assertThat(icap.port()).isPositive();
    }
}
