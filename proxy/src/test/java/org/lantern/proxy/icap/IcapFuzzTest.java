package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.lantern.proxy.fuzz.Mutations.flip;
import static org.lantern.proxy.fuzz.Mutations.insert;
import static org.lantern.proxy.fuzz.Mutations.printable;
import static org.lantern.proxy.fuzz.Mutations.randomBytes;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mutated and hostile ICAP requests: truncated heads, huge or negative chunk sizes, overflowing
 * Encapsulated offsets, Content-Length and Preview values, NUL bytes, bytes that are not ASCII and
 * random noise. Squid is the only expected client, but the port is reachable from the school's
 * network, and one request that throws in the parser, wedges an event loop or leaks a connection
 * slot would stop filtering for every pupil. So every case must be answered with a well-formed ICAP
 * status (or the connection closed), no handler path may throw, and the server must still decide
 * a real request correctly afterwards. Seeded, so a failure names a case that can be replayed.
 */
class IcapFuzzTest {

    private static final long SEED = 0x1CA9F022L;
    private static final int CASES = 200;
    private static final Pattern STATUS_LINE = Pattern.compile("^ICAP/1\\.0 (\\d{3}) [^\\r\\n]*\\r\\n");
    /** Every status the server answers with by design; anything else (a 500, say) is a crash in disguise. */
    private static final List<Integer> STATUSES = List.of(100, 200, 204, 400, 404, 405, 408, 413, 501, 503, 505);

    private static final IcapDecider CASINOS_BLOCKED = (url, method, user, ip) -> url.contains("casino")
            ? new IcapVerdict.Block("This site is in the gambling category.", "gambling") : IcapVerdict.ALLOW;

    private IcapServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyMutatedRequestIsAnsweredOrClosedAndTheServerStillDecidesRealRequests() throws Exception {
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0)
                .withFirstRequestTimeout(Duration.ofSeconds(2)), CASINOS_BLOCKED);
        List<byte[]> cases = cases();
        for (int i = 0; i < cases.size(); i++) {
            String answer = sendAndHalfClose(cases.get(i), "case " + i);
            assertWellFormed(answer, "case " + i);
            assertStillDecides("after case " + i + ": " + printable(cases.get(i)));
        }
        // Every fuzzed connection was closed by its client: none may keep its slot.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.stats().connectionsOpen() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.stats().connectionsOpen()).as("connections still held").isZero();
        assertThat(server.stats().deciderFailures()).isZero();
    }

    @Test
    void neitherTheBlockingNorTheBufferedParserThrowsOnAMutatedRequest() {
        IcapServerConfig config = IcapServerConfig.defaults();
        List<byte[]> cases = cases();
        for (int i = 0; i < cases.size(); i++) {
            byte[] bytes = cases.get(i);
            String which = "case " + i + ": " + printable(bytes);
            IcapHandler handler = new IcapHandler(CASINOS_BLOCKED, config, new IcapStats(), "fuzz",
                    new LogLimiter(line -> { }, System::nanoTime));

            ByteArrayOutputStream blocking = new ByteArrayOutputStream();
            try {
                handler.serve(new BufferedInputStream(new ByteArrayInputStream(bytes)), blocking, timeout -> { }, "fuzz");
            } catch (IOException | RuntimeException e) {
                fail("blocking parser threw on " + which, e);
            }
            assertWellFormed(blocking.toString(StandardCharsets.ISO_8859_1), "blocking, " + which);

            BufferInput input = new BufferInput(bytes.length + 1, bytes.length + 1);
            System.arraycopy(bytes, 0, input.array(), 0, bytes.length);
            input.received(bytes.length);
            IcapReader reader = new IcapReader(input, config.maxHeaderBytes());
            ByteArrayOutputStream buffered = new ByteArrayOutputStream();
            try {
                IcapHandler.Step step;
                do {
                    step = handler.serveBuffered(reader, input, buffered, "fuzz");
                } while (step == IcapHandler.Step.SERVED && input.hasUnread());
            } catch (IOException | RuntimeException e) {
                fail("buffered parser threw on " + which, e);
            }
            assertWellFormed(buffered.toString(StandardCharsets.ISO_8859_1), "buffered, " + which);
        }
    }

    /** Sends a case, ends the sending side (as a client that died would), and reads what comes back. */
    private String sendAndHalfClose(byte[] bytes, String which) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(bytes);
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // The server may answer and close before reading all of it (a 413, say); read what it said.
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                fail(which + ": the server held the connection 10 s after the client finished sending");
            } catch (IOException reset) {
                // A reset after the answer is how a refused connection may end.
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertWellFormed(String answer, String which) {
        if (answer.isEmpty()) {
            return;
        }
        Matcher status = STATUS_LINE.matcher(answer);
        assertThat(status.find()).as(which + ": answer starts with an ICAP status line: " + printable(answer)).isTrue();
        assertThat(STATUSES).as(which + ": status").contains(Integer.parseInt(status.group(1)));
    }

    /** A fresh connection still gets a pass for a fine site and a block page for a casino. */
    private void assertStillDecides(String which) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((reqmod("http://school.example/") + reqmod("http://casino.example/")).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(IcapServerTest.readHead(in)).as(which).startsWith("ICAP/1.0 204");
            assertThat(IcapServerTest.readHead(in)).as(which).startsWith("ICAP/1.0 200");
            assertThat(IcapServerTest.readHead(in)).as(which).startsWith("HTTP/1.1 403");
        }
    }

    private static String reqmod(String url) {
        String http = "GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n";
        return "REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\nAllow: 204\r\n"
                + "Encapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http;
    }

    // --- the cases ---

    /** Requests Squid really sends, for the mutations to start from. */
    private static List<String> seeds() {
        String get = "GET http://casino.example/play HTTP/1.1\r\nHost: casino.example\r\n\r\n";
        String post = "POST http://school.example/form HTTP/1.1\r\nHost: school.example\r\nContent-Length: 5\r\n\r\n";
        String withBody = "REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\nAllow: 204\r\nPreview: 0\r\n"
                + "Encapsulated: req-hdr=0, req-body=" + post.length() + "\r\n\r\n" + post + "5\r\nhello\r\n0\r\n\r\n";
        String noPreview = "REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + "Encapsulated: req-hdr=0, req-body=" + post.length() + "\r\n\r\n" + post + "5\r\nhello\r\n0\r\n\r\n";
        return List.of(reqmod("http://casino.example/play"), reqmod("http://school.example/"), withBody, noPreview,
                "OPTIONS icap://127.0.0.1/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
                "RESPMOD icap://127.0.0.1/respmod ICAP/1.0\r\nHost: 127.0.0.1\r\nEncapsulated: req-hdr=0, res-hdr="
                        + get.length() + ", null-body=" + (get.length() + 19) + "\r\n\r\n" + get
                        + "HTTP/1.1 200 OK\r\n\r\n");
    }

    /** Numbers that break naive parsing: negative, zero-padded, past int and long, not numbers at all. */
    private static final List<String> NUMBERS = List.of("-1", "-2147483648", "2147483647", "2147483648",
            "9223372036854775807", "9223372036854775808", "99999999999999999999999", "00000000000000000000001", "0x10",
            "1e3", "", " ", "+5", "1 2", "٣", "\u0000", "NaN");
    private static final List<String> HEX = List.of("ffffffff", "7fffffff", "80000000", "ffffffffffffffff",
            "10000000000000000", "-1", "-0", "zz", "", "0;ext=\u0000", "5 ; ieof", "00000000000000000005", "FFFFFFFFF");

    static List<byte[]> cases() {
        Random random = new Random(SEED);
        List<String> seeds = seeds();
        List<byte[]> cases = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            byte[] bytes = seeds.get(random.nextInt(seeds.size())).getBytes(StandardCharsets.ISO_8859_1);
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                bytes = mutate(bytes, random);
            }
            cases.add(bytes);
        }
        return cases;
    }

    private static byte[] mutate(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return switch (random.nextInt(12)) {
            case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1 -> insert(bytes, random, new byte[random.nextInt(4) + 1]);
            case 2 -> insert(bytes, random, randomBytes(random, 1 + random.nextInt(8), 0x80, 0x100));
            case 3 -> latin1(text.replaceFirst("(req-hdr|res-hdr|req-body|null-body|res-body)=\\d+",
                    "$1=" + pick(NUMBERS, random)));
            case 4 -> latin1(text.replaceFirst("\r\n(5|0)\r\n", "\r\n" + pick(HEX, random) + "\r\n"));
            case 5 -> latin1(text.replaceFirst("Content-Length: \\d+|Host: [^\\r]*",
                    "Content-Length: " + pick(NUMBERS, random)));
            case 6 -> latin1(text.replaceFirst("Allow: 204\r\n|Host: 127.0.0.1\r\n",
                    "Preview: " + pick(NUMBERS, random) + "\r\n"));
            case 7 -> latin1(text.replaceFirst("\r\n", "\r\nX-Long: " + "a".repeat(random.nextInt(100_000)) + "\r\n"));
            case 8 -> latin1(text.replace("\r\n", random.nextBoolean() ? "\n" : "\r"));
            case 9 -> flip(bytes, random);
            case 10 -> randomBytes(random, 1 + random.nextInt(2000), 0, 0x100);
            default -> latin1(text.replaceFirst("Encapsulated: [^\\r]*", random.nextBoolean()
                    ? "Encapsulated: req-hdr=0, req-hdr=0, null-body=0, res-body=0"
                    : "Encapsulated: null-body=" + pick(NUMBERS, random) + ", req-hdr=" + pick(NUMBERS, random)));
        };
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] latin1(String text) {
        // Characters past Latin-1 (the Arabic digit) go out as UTF-8, as a careless client would send them.
        return text.chars().allMatch(c -> c < 0x100) ? text.getBytes(StandardCharsets.ISO_8859_1)
                : text.getBytes(StandardCharsets.UTF_8);
    }
}
