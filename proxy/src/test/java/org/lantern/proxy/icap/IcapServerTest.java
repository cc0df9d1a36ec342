package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ICAP server over real loopback sockets: keep-alive, isolation of bad clients, the connection cap. */
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

    private Socket connect() throws IOException {
        return new Socket("127.0.0.1", server.port());
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one response head (up to the empty line); the tested responses carry no body. */
    private static String readHead(InputStream in) throws IOException {
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
