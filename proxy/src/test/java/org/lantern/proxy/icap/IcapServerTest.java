package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.lists.CategoryLists;

/**
 * The ICAP server over real loopback sockets: keep-alive, split and pipelined requests, streamed
 * bodies, timeouts, isolation of bad clients, the connection cap and the ISTag.
 */
class IcapServerTest {

    private static final String OPTIONS = "OPTIONS icap://127.0.0.1/reqmod ICAP/1.0\r\n\r\n";

    private IcapServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void keepAliveConnectionServesSeveralRequestsInTurn() throws IOException {
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0), (url, m, u, ip) -> IcapVerdict.ALLOW);
        try (Socket socket = connect()) {
            for (int i = 0; i < 3; i++) {
                send(socket, OPTIONS);
                assertThat(readHead(socket.getInputStream())).startsWith("ICAP/1.0 200 OK");
            }
        }
    }

    @Test
    void malformedRequestOnOneConnectionDoesNotDisturbAnother() throws IOException {
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0), (url, m, u, ip) -> IcapVerdict.ALLOW);
        try (Socket good = connect(); Socket bad = connect()) {
            send(bad, "\u0001\u0002 garbage\r\n\r\n");
            assertThat(readHead(bad.getInputStream())).startsWith("ICAP/1.0 400");

            send(good, OPTIONS);
            assertThat(readHead(good.getInputStream())).startsWith("ICAP/1.0 200 OK");
        }
        assertThat(server.stats().errors(400)).isEqualTo(1);
    }

    @Test
    void connectionOverTheCapIsRefusedWith503AndCounted() throws IOException {
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0).withMaxConnections(1),
                (url, m, u, ip) -> IcapVerdict.ALLOW);
        try (Socket first = connect()) {
            send(first, OPTIONS);
            assertThat(readHead(first.getInputStream())).startsWith("ICAP/1.0 200 OK");
            try (Socket second = connect()) {
                assertThat(readHead(second.getInputStream())).startsWith("ICAP/1.0 503 Service Overloaded");
            }
        }
        assertThat(server.stats().connectionsRefused()).isEqualTo(1);
    }

    @Test
    void requestArrivingOneByteAtATimeIsAnsweredOnceWhole() throws Exception {
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0), (url, m, u, ip) -> IcapVerdict.ALLOW);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            for (byte b : reqmod("http://school.example/").getBytes(StandardCharsets.ISO_8859_1)) {
                out.write(b);
                out.flush();
            }
            assertThat(readHead(socket.getInputStream())).startsWith("ICAP/1.0 204 No Content");
        }
        assertThat(server.stats().allowed()).isEqualTo(1);
    }

    @Test
    void manyPipelinedRequestsAreAllAnsweredInOrder() throws Exception {
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0),
                (url, m, u, ip) -> url.contains("blocked") ? new IcapVerdict.Redirect("http://b/") : IcapVerdict.ALLOW);
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            requests.append(reqmod("http://" + (i % 2 == 0 ? "fine" : "blocked") + i + ".example/"));
        }
        try (Socket socket = connect()) {
            send(socket, requests.toString());
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 200; i++) {
                String head = readHead(in);
                if (i % 2 == 0) {
                    assertThat(head).startsWith("ICAP/1.0 204");
                } else {
                    assertThat(head).startsWith("ICAP/1.0 200").contains("res-hdr=0, null-body=");
                    assertThat(readHead(in)).startsWith("HTTP/1.1 302 Found");
                }
            }
        }
    }

    @Test
    void connectionsReadyInOnePassEachGetTheirOwnAnswerAndABadOneSpoilsNone() throws Exception {
        // The first request holds the loop until every connection has sent, so the rest are read,
        // decided and answered together in the loop's next pass.
        CountDownLatch allSent = new CountDownLatch(1);
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0), (url, m, u, ip) -> {
            if (url.contains("first")) {
                await(allSent);
            }
            return url.contains("blocked") ? new IcapVerdict.Redirect("http://b/" + url.substring(7)) : IcapVerdict.ALLOW;
        });
        List<Socket> sockets = new ArrayList<>();
        try {
            Socket first = connect();
            first.setSoTimeout(10_000);
            sockets.add(first);
            send(first, reqmod("http://first.example/"));
            for (int i = 1; i < 40; i++) {
                Socket socket = connect();
                socket.setSoTimeout(10_000);
                sockets.add(socket);
                send(socket, i == 20 ? "\u0001 garbage\r\n\r\n"
                        : reqmod("http://" + (i % 2 == 0 ? "fine" : "blocked") + i + ".example/"));
            }
            allSent.countDown();
            assertThat(readHead(first.getInputStream())).startsWith("ICAP/1.0 204");
            for (int i = 1; i < 40; i++) {
                InputStream in = sockets.get(i).getInputStream();
                if (i == 20) {
                    assertThat(readHead(in)).startsWith("ICAP/1.0 400");
                } else if (i % 2 == 0) {
                    assertThat(readHead(in)).startsWith("ICAP/1.0 204");
                } else {
                    assertThat(readHead(in)).startsWith("ICAP/1.0 200");
                    assertThat(readHead(in)).contains("Location: http://b/blocked" + i + ".example/\r\n");
                }
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(server.stats().errors(400)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void bodySentWithoutPreviewIsStreamedAndTheConnectionServesOnAfterwards() throws Exception {
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0), (url, m, u, ip) -> IcapVerdict.ALLOW);
        String http = "POST http://school.example/form HTTP/1.1\r\nHost: school.example\r\n\r\n";
        String body = "a".repeat(100_000);
        String upload = "REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nEncapsulated: req-hdr=0, req-body=" + http.length()
                + "\r\n\r\n" + http + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        try (Socket socket = connect()) {
            send(socket, upload + reqmod("http://school.example/next"));
            InputStream in = socket.getInputStream();
            assertThat(readHead(in)).startsWith("ICAP/1.0 200 OK").contains("req-body=");
            assertThat(readHead(in)).startsWith("POST http://school.example/form");
            assertThat(readLine(in)).isEqualTo(Integer.toHexString(body.length()));
            assertThat(new String(in.readNBytes(body.length()), StandardCharsets.ISO_8859_1)).isEqualTo(body);
            assertThat(new String(in.readNBytes(7), StandardCharsets.ISO_8859_1)).isEqualTo("\r\n0\r\n\r\n");
            assertThat(readHead(in)).startsWith("ICAP/1.0 204 No Content");
        }
    }

    @Test
    void requestNotFinishedWithinTheRequestTimeoutIsAnswered408AndClosed() throws Exception {
        IcapServerConfig d = IcapServerConfig.defaults();
        server = IcapServer.start(new IcapServerConfig(d.bind(), 0, 10, d.maxHeaderBytes(), d.idleTimeout(),
                Duration.ofMillis(200), d.lanternBaseUrl(), d.blockMode(), false, null), (url, m, u, ip) -> IcapVerdict.ALLOW);
        try (Socket socket = connect()) {
            socket.setSoTimeout(10_000);
            send(socket, "REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nHost: x\r\n");
            assertThat(readHead(socket.getInputStream())).startsWith("ICAP/1.0 408 Request Timeout");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(server.stats().errors(408)).isEqualTo(1);
    }

    @Test
    void oversizedHeaderIsRefusedWith413AndOtherConnectionsAreStillServed() throws Exception {
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0), (url, m, u, ip) -> IcapVerdict.ALLOW);
        try (Socket big = connect(); Socket good = connect()) {
            send(big, "REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nX-Big: " + "a".repeat(200_000) + "\r\n\r\n");
            assertThat(readHead(big.getInputStream())).startsWith("ICAP/1.0 413");

            send(good, OPTIONS);
            assertThat(readHead(good.getInputStream())).startsWith("ICAP/1.0 200 OK");
        }
        assertThat(server.stats().errors(413)).isEqualTo(1);
    }

    @Test
    void istagInOptionsChangesAfterTheListsAreReloaded(@TempDir Path lists) throws Exception {
        Files.createDirectories(lists.resolve("gambling"));
        Files.writeString(lists.resolve("gambling/domains"), "casino.example\n");
        CategoryListDecider decider = CategoryListDecider.load(lists, "test", Set.of("gambling"), line -> { });
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0), decider);
        String before;
        String after;
        try (Socket socket = connect()) {
            send(socket, OPTIONS);
            before = istag(readHead(socket.getInputStream()));
            decider.registry().replace(CategoryLists.builder().build());
            send(socket, OPTIONS);
            after = istag(readHead(socket.getInputStream()));
        }
        assertThat(before).isNotEqualTo(after).hasSizeLessThanOrEqualTo(34);
        assertThat(after).isEqualTo("\"" + server.istag() + "\"");
    }

    private static String istag(String head) {
        int start = head.indexOf("ISTag: ") + 7;
        return head.substring(start, head.indexOf("\r\n", start));
    }

    private static String reqmod(String url) {
        String http = "GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n";
        return "REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nAllow: 204\r\nEncapsulated: req-hdr=0, null-body="
                + http.length() + "\r\n\r\n" + http;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private Socket connect() throws IOException {
        return new Socket("127.0.0.1", server.port());
    }

    static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one response head (up to the empty line); the tested responses carry no body. */
    static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
