package org.lantern.proxy.icap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves made-up requests through a throw-away ICAP server, over real loopback connections, before
 * the real server starts listening, so Squid's first requests meet compiled code.
 *
 * <p>Why over sockets, and in rounds that close and reopen their connections: the JIT compiles the
 * branches its first requests took, and a branch first taken later sends the compiled code back to
 * the interpreter and the compiler back to work on the server's core. Measured with
 * {@code -XX:+PrintCompilation} under {@code bench/icap-vs-peers.sh}: after 400,000 requests on one
 * set of connections, the first connection to close sent the event loop's read, selector and
 * dispatch code back to the interpreter, and recompiling it cost about 0.3 µs a request for the
 * next 400,000. The throw-away server shares the real one's classes and decider, so what is
 * compiled is what the real one runs.
 *
 * <p>The decider must have no side effects worth keeping (no decision log, no alerts): the
 * warm-up's decisions are thrown away.
 */
public final class IcapWarmUp {

    /** Each round opens its own connections and closes them at the end. */
    private static final int ROUNDS = 10;

    /** Connections per round, each with one request in flight, as Squid keeps them. */
    private static final int CONNECTIONS = 16;

    private static final Pattern ENCAPSULATED =
            Pattern.compile("(?im)^Encapsulated:.*?\\b(null-body|req-body|res-body|opt-body)=(\\d+)");

    private IcapWarmUp() {
    }

    /**
     * Serves one REQMOD for each address, with an OPTIONS request now and then as Squid sends them.
     *
     * @param config the real server's configuration; the warm-up listens on a free loopback port
     * @param decider the real server's decider
     * @param urls the addresses to ask about, e.g. from {@code WarmUpUrls}
     * @return the number of requests answered
     * @throws IOException if the throw-away server cannot listen, or answers something unreadable
     * @throws InterruptedException if interrupted while the requests are served
     */
    public static int run(IcapServerConfig config, IcapDecider decider, List<String> urls)
            throws IOException, InterruptedException {
        if (urls.isEmpty()) {
            return 0;
        }
        IcapServerConfig local = new IcapServerConfig("127.0.0.1", 0, Math.max(config.maxConnections(), CONNECTIONS),
                config.maxHeaderBytes(), config.idleTimeout(), config.requestTimeout(), config.lanternBaseUrl(),
                config.blockMode(), config.usernameBase64(), config.blockSigner());
        int answered = 0;
        AtomicInteger sent = new AtomicInteger();
        try (IcapServer server = IcapServer.start(local, decider);
                ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS)) {
            int rounds = Math.min(ROUNDS, urls.size());
            for (int round = 0; round < rounds; round++) {
                List<String> roundUrls = urls.subList(urls.size() * round / rounds, urls.size() * (round + 1) / rounds);
                List<Future<Integer>> connections = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS && c < roundUrls.size(); c++) {
                    List<String> mine = slice(roundUrls, c);
                    connections.add(clients.submit(() -> serve(server.port(), config.usernameBase64(), mine, sent)));
                }
                for (Future<Integer> connection : connections) {
                    answered += result(connection);
                }
            }
        }
        return answered;
    }

    private static List<String> slice(List<String> urls, int connection) {
        List<String> mine = new ArrayList<>();
        for (int i = connection; i < urls.size(); i += CONNECTIONS) {
            mine.add(urls.get(i));
        }
        return mine;
    }

    private static int result(Future<Integer> connection) throws IOException, InterruptedException {
        try {
            return connection.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("ICAP warm-up failed", e.getCause());
        }
    }

    /** One connection: each request is sent when the previous answer has been read whole. */
    private static int serve(int port, boolean base64, List<String> urls, AtomicInteger sent) throws IOException {
        int answered = 0;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < urls.size(); i++) {
                if (i % 100 == 0) {
                    out.write(options(port));
                    readAnswer(in);
                    answered++;
                }
                out.write(reqmod(port, urls.get(i), sent.getAndIncrement(), base64));
                readAnswer(in);
                answered++;
            }
        }
        return answered;
    }

    private static byte[] options(int port) {
        return ("OPTIONS icap://127.0.0.1:" + port + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1:" + port
                + "\r\nEncapsulated: null-body=0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A REQMOD as Squid frames one: client address always, the user and {@code Allow: 204} on most
     * requests but not all, so each branch of the handler is taken.
     */
    private static byte[] reqmod(int port, String url, int i, boolean base64) {
        String host = IcapHandler.authorityOf(url);
        byte[] http = ("GET " + url + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: Mozilla/5.0 (Lantern warm-up)\r\n"
                + "Accept: text/html,*/*\r\nAccept-Language: en-GB\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder icap = new StringBuilder(256)
                .append("REQMOD icap://127.0.0.1:").append(port).append("/reqmod ICAP/1.0\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Date: Mon, 23 Nov 2026 10:30:00 GMT\r\n");
        if (i % 8 != 7) {
            icap.append("Allow: 204\r\n");
        }
        icap.append("X-Client-IP: 10.").append(i % 4).append('.').append(i % 250).append(".1\r\n");
        if (i % 3 != 2) {
            String user = "pupil" + i % 40;
            icap.append("X-Client-Username: ").append(base64
                    ? Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)) : user).append("\r\n");
        }
        icap.append("Encapsulated: req-hdr=0, null-body=").append(http.length).append("\r\n\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream(icap.length() + http.length);
        all.writeBytes(icap.toString().getBytes(StandardCharsets.US_ASCII));
        all.writeBytes(http);
        return all.toByteArray();
    }

    /** Reads one ICAP answer whole: its head, any encapsulated header sections and a chunked body. */
    private static void readAnswer(InputStream in) throws IOException {
        String head = readHead(in);
        if (!head.startsWith("ICAP/1.0 ")) {
            throw new IOException("ICAP warm-up: not an ICAP answer: " + IcapReader.printable(head.lines().findFirst().orElse("")));
        }
        Matcher body = ENCAPSULATED.matcher(head);
        if (!body.find()) {
            return;
        }
        in.readNBytes(Integer.parseInt(body.group(2)));
        if (!body.group(1).equals("null-body")) {
            while (true) {
                String line = readLine(in);
                int size = Integer.parseInt(line.split(";", 2)[0].trim(), 16);
                in.readNBytes(size);
                readLine(in);
                if (size == 0) {
                    return;
                }
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            head.append(line).append('\n');
        }
        return head.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new EOFException("ICAP warm-up: the server closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
