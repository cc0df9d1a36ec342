package org.lantern.server.filtering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lantern.server.LanternProperties;
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
        String http = "GET " + url + " HTTP/1.1\r\nHost: ignored.example\r\n\r\n";
        String request = "REQMOD icap://127.0.0.1:" + icap.port() + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + "Allow: 204\r\nConnection: close\r\nEncapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http;
        try (Socket socket = new Socket("127.0.0.1", icap.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                response.write(buffer, 0, n);
            }
            return response.toString(StandardCharsets.UTF_8);
        }
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
