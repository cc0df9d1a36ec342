package org.lantern.server.filtering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Squid's side of an ICAP conversation, for tests: one REQMOD request over a socket, and the whole answer. */
final class IcapRequests {

    private IcapRequests() {
    }

    /**
     * Asks the ICAP server on {@code port} about {@code GET url}.
     *
     * @param username the proxy user name Squid sends ({@code X-Client-Username}), or null for none
     * @return the ICAP answer as text
     */
    static String reqmod(int port, String url, String username) throws IOException {
        String http = "GET " + url + " HTTP/1.1\r\nHost: ignored.example\r\n\r\n";
        String request = "REQMOD icap://127.0.0.1:" + port + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + (username == null ? "" : "X-Client-Username: " + username + "\r\n")
                + "Allow: 204\r\nConnection: close\r\nEncapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http;
        try (Socket socket = new Socket("127.0.0.1", port)) {
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
}
