package org.lantern.server.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Squid's side of one ICAP exchange with the in-process server, over a real socket, for tests. */
public final class IcapExchange {

    private IcapExchange() {
    }

    /**
     * @param port the ICAP server's port
     * @param request the whole request, bytes as sent
     * @return the whole answer, as text
     */
    public static String exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Asks the ICAP server on {@code port} about {@code GET url}.
     *
     * @param username the proxy user name Squid sends ({@code X-Client-Username}), or null for none
     * @return the ICAP answer as text
     */
    public static String reqmod(int port, String url, String username) throws IOException {
        String http = "GET " + url + " HTTP/1.1\r\nHost: ignored.example\r\n\r\n";
        String request = "REQMOD icap://127.0.0.1:" + port + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + (username == null ? "" : "X-Client-Username: " + username + "\r\n")
                + "Allow: 204\r\nConnection: close\r\nEncapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http;
        return exchange(port, request.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return a port free now, for a server the test context starts */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
