package org.lantern.server.filtering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lantern.server.LanternProperties;
import org.lantern.server.support.IcapExchange;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Squid's side of the conversation: real ICAP REQMOD requests over a socket to the server's own ICAP port. */
@FilteringTest
class IcapEndToEndTest {

    @Autowired
    InProcessIcap icap;
    @Autowired
    FilterService filter;
    @Autowired
    LanternProperties lantern;

    private String reqmod(String url) throws IOException {
        return IcapExchange.reqmod(icap.port(), url, null);
    }

    private List<String> logLines() throws IOException {
        Path dir = lantern.dataDir().resolve("decisions");
        try (Stream<Path> files = Files.list(dir)) {
            return files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void aBlockedAndAnAllowedRequestAreAnsweredAndBothAreLogged() throws Exception {
        filter.listsLoaded().join();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String blocked = "http://casino.example/" + tag;
        String allowed = "http://library.example/" + tag;

        String block = reqmod(blocked);
        String allow = reqmod(allowed);

        assertThat(block).startsWith("ICAP/1.0 200").contains("HTTP/1.1 403", "in the Gambling category");
        assertThat(allow).startsWith("ICAP/1.0 204");
        long deadline = System.currentTimeMillis() + 5_000;
        while (logLines().stream().filter(l -> l.contains(tag)).count() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(logLines()).filteredOn(l -> l.contains(tag)).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("casino.example", "BLOCK"))
                .anySatisfy(l -> assertThat(l).contains("library.example", "ALLOW"));
    }
}
