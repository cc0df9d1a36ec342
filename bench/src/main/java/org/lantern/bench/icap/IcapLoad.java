package org.lantern.bench.icap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Load generator for any ICAP REQMOD service (Lantern, c-icap {@code url_check}, e2guardian), so
 * every server is driven by exactly the same client: one thread, one NIO selector, N keep-alive
 * connections, one request in flight per connection, the way Squid talks to an ICAP service.
 * Requests are encoded before the clock starts and responses are framed without copying, so the
 * client costs far less per request than any server it measures and can be pinned to its own
 * core ({@code taskset}); a client with one thread per connection competes with the server for
 * the CPU and its own scheduling delays end up in the measured tail.
 *
 * <p>Two modes, both reported with HdrHistogram:
 *
 * <ul>
 *   <li><b>closed loop</b> (default, {@code rate=0}): each connection sends its next request as soon
 *       as the previous answer arrives. This gives the throughput. Its latencies are service times
 *       (send to answer) and suffer coordinated omission: while the server stalls, the client
 *       sends nothing, so the stall is recorded once instead of for every request that would
 *       have been waiting. The report therefore also gives the percentiles corrected with
 *       {@code recordValueWithExpectedInterval} at the run's mean interval per connection.</li>
 *   <li><b>open loop</b> ({@code rate=R} requests per second): request {@code i} is due at
 *       {@code start + i/R}, sent on the next free connection, and its latency is measured from
 *       when it was due, so time spent queued behind a slow answer counts (the wrk2 model). This
 *       gives a latency free of coordinated omission at a chosen load.</li>
 * </ul>
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantern.bench.icap.IcapLoad \
 *     icap://127.0.0.1:1344/reqmod /work/shared/data/urls/stream-200k.txt \
 *     [connections=64] [requests=all URLs] [warmup=20000] [rate=0]
 * </pre>
 *
 * Prints one {@code key=value} result line (for scripts) after a human-readable summary.
 */
public final class IcapLoad {

    private static final long HIGHEST_NANOS = 60_000_000_000L;

    /**
     * {@code -Dlantern.icapload.spin=true}: poll the selector without sleeping. The client has a
     * core of its own ({@code taskset}), and a client that sleeps in {@code epoll_wait} makes every
     * server's answer pay for waking it up (an inter-processor interrupt), which is the client's
     * cost, not the server's.
     */
    private static final boolean SPIN = Boolean.getBoolean("lantern.icapload.spin");

    private IcapLoad() {
    }

    /**
     * @param args service URI, URL file, then optional connections, requests, warm-up requests
     *     and open-loop rate
     * @throws Exception if the service cannot be reached or answers something unparseable
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IcapLoad icap://HOST:PORT/SERVICE URL_FILE "
                    + "[connections=64] [requests=all] [warmup=20000] [rate=0 (closed loop)]");
            System.exit(2);
        }
        URI service = URI.create(args[0]);
        List<String> urls = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : urls.size();
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : Math.min(20_000, requests);
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;

        byte[][] encoded = new byte[urls.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = reqmod(service, urls.get(i));
        }
        if (warmup > 0) {
            new Run(service, encoded, connections, warmup, 0, 0).execute();
        }
        // The measured run starts where the warm-up stopped in the stream, so no URL is seen twice
        // unless the run is longer than the stream.
        Run run = new Run(service, encoded, connections, requests, warmup, rate);
        run.execute();
        run.report(connections, rate);
    }

    /** One measured batch of requests over fresh connections. */
    private static final class Run {
        private final URI service;
        private final byte[][] encoded;
        private final int connections;
        private final int requests;
        private final int firstUrl;
        private final double rate;
        private final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
        private final Map<String, Long> statuses = new TreeMap<>();
        private long elapsedNanos;

        Run(URI service, byte[][] encoded, int connections, int requests, int firstUrl, double rate) {
            this.service = service;
            this.encoded = encoded;
            this.connections = connections;
            this.requests = requests;
            this.firstUrl = firstUrl;
            this.rate = rate;
        }

        void execute() throws IOException {
            try (Selector selector = Selector.open()) {
                ArrayDeque<Conn> idle = new ArrayDeque<>();
                InetSocketAddress address = new InetSocketAddress(service.getHost(), service.getPort());
                for (int c = 0; c < connections; c++) {
                    SocketChannel channel = SocketChannel.open(address);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    channel.configureBlocking(false);
                    Conn conn = new Conn(channel);
                    // Read interest stays on for the whole run: toggling it per request cost two
                    // epoll_ctl system calls a request, a client cost every server paid for.
                    conn.key = channel.register(selector, SelectionKey.OP_READ, conn);
                    idle.add(conn);
                }
                long intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
                int sent = 0;
                int done = 0;
                long start = System.nanoTime();
                while (done < requests) {
                    long now = System.nanoTime();
                    while (sent < requests && !idle.isEmpty()) {
                        long due = intervalNanos > 0 ? start + sent * intervalNanos : now;
                        if (due > now) {
                            break;
                        }
                        Conn conn = idle.poll();
                        conn.send(encoded[(firstUrl + sent) % encoded.length], due);
                        sent++;
                    }
                    // Open loop: wait no longer than until the next request is due (busy-polling
                    // when that is under a millisecond, since the client has its own core).
                    long waitMillis = 0;
                    if (intervalNanos > 0 && sent < requests && !idle.isEmpty()) {
                        waitMillis = (start + sent * intervalNanos - System.nanoTime()) / 1_000_000;
                    }
                    int ready = SPIN || (intervalNanos > 0 && waitMillis < 1) ? selector.selectNow()
                            : selector.select(Math.max(0, waitMillis));
                    if (ready == 0) {
                        Thread.onSpinWait();
                        continue;
                    }
                    long at = System.nanoTime();
                    for (SelectionKey key : selector.selectedKeys()) {
                        Conn conn = (Conn) key.attachment();
                        String status;
                        try {
                            status = conn.progress(key);
                        } catch (IOException | RuntimeException e) {
                            throw new IOException("ICAP exchange failed on " + service + ": " + e.getMessage(), e);
                        }
                        if (status != null) {
                            latency.recordValue(Math.min(HIGHEST_NANOS, at - conn.due));
                            statuses.merge(status, 1L, Long::sum);
                            done++;
                            idle.add(conn);
                        }
                    }
                    selector.selectedKeys().clear();
                }
                elapsedNanos = System.nanoTime() - start;
                for (SelectionKey key : selector.keys()) {
                    key.channel().close();
                }
            }
        }

        void report(int connections, double rate) {
            double seconds = elapsedNanos / 1e9;
            double throughput = requests / seconds;
            // Closed loop: each connection should have sent every connections/throughput seconds;
            // a longer wait hid requests that were never sent (coordinated omission).
            Histogram corrected = rate > 0 ? latency
                    : latency.copyCorrectedForCoordinatedOmission((long) (connections / throughput * 1e9));
            System.out.printf(Locale.ROOT, "service=%s connections=%d requests=%d mode=%s%n", service, connections,
                    requests, rate > 0 ? "open-loop " + (long) rate + " req/s" : "closed-loop");
            System.out.printf(Locale.ROOT,
                    "throughput %.0f req/s; latency p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                    throughput, ms(latency, 50), ms(latency, 90), ms(latency, 99), ms(latency, 99.9),
                    latency.getMaxValue() / 1e6);
            if (rate == 0) {
                System.out.printf(Locale.ROOT, "corrected for coordinated omission: p50 %.3f ms, p99 %.3f ms%n",
                        ms(corrected, 50), ms(corrected, 99));
            }
            System.out.println("statuses " + statuses);
            System.out.printf(Locale.ROOT,
                    "RESULT rps=%.0f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f co_p99_ms=%.3f blocked=%d total=%d%n",
                    throughput, ms(latency, 50), ms(latency, 99), ms(latency, 99.9), latency.getMaxValue() / 1e6,
                    ms(corrected, 99), blocked(), requests);
        }

        private long blocked() {
            long blocked = 0;
            for (Map.Entry<String, Long> e : statuses.entrySet()) {
                if (!e.getKey().equals("204") && !e.getKey().startsWith("200/req")) {
                    blocked += e.getValue();
                }
            }
            return blocked;
        }

        private static double ms(Histogram h, double percentile) {
            return h.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /** One keep-alive connection: writes a request, then frames the response as it arrives. */
    private static final class Conn {
        private final SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private long due;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }

        void send(byte[] request, long dueAt) throws IOException {
            due = dueAt;
            in.clear();
            out = ByteBuffer.wrap(request);
            channel.write(out);
            if (out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        /** @return the response's status once it is complete, else {@code null} */
        String progress(SelectionKey selected) throws IOException {
            if (selected.isWritable() && out.hasRemaining()) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                if (!selected.isReadable()) {
                    return null;
                }
            }
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (channel.read(in) < 0) {
                throw new IOException("server closed the connection");
            }
            return Framing.complete(in.array(), in.position());
        }
    }

    /**
     * Finds the end of one ICAP response in a buffer: the ICAP head, then the encapsulated header
     * sections (lengths from the {@code Encapsulated} offsets), then a chunked body if any.
     */
    static final class Framing {
        private Framing() {
        }

        /**
         * @return {@code null} while incomplete; else the ICAP status, with the encapsulated HTTP
         *     status for a response ({@code 200/403}) or {@code 200/req} for a modified request
         */
        static String complete(byte[] b, int length) {
            int headEnd = indexOf(b, 0, length, "\r\n\r\n");
            if (headEnd < 0) {
                return null;
            }
            headEnd += 4;
            String status = status(b);
            // Byte scans rather than a String of the head: the client must cost far less per
            // answer than the servers it measures.
            int e = indexOfIgnoreCase(b, headEnd, ENCAPSULATED);
            if (e < 0) {
                return status;
            }
            int valueEnd = indexOf(b, e + ENCAPSULATED.length, headEnd, "\r");
            String encapsulated = new String(b, e + ENCAPSULATED.length, valueEnd - e - ENCAPSULATED.length,
                    StandardCharsets.ISO_8859_1).trim();
            int bodyStart = headEnd;
            boolean chunked = false;
            String inner = "";
            String headKind = null;
            for (String part : encapsulated.split(",")) {
                String[] kv = part.trim().split("=");
                int offset = Integer.parseInt(kv[1]);
                bodyStart = headEnd + offset;
                chunked = !kv[0].equals("null-body") && kv[0].endsWith("-body");
                if (chunked && headKind != null && !kv[0].startsWith(headKind)) {
                    // e2guardian 5.3 sometimes answers "req-hdr=0, res-body=N" with no body after
                    // the request head (RFC 3507 has no such pairing); waiting for a body would
                    // hang, so it is read as a request head alone and marked with "!".
                    chunked = false;
                    inner += "!";
                }
                if (kv[0].equals("res-hdr") && length >= headEnd + offset + 12) {
                    inner = "/" + new String(b, headEnd + offset + 9, 3, StandardCharsets.ISO_8859_1);
                } else if (kv[0].equals("req-hdr")) {
                    inner = "/req";
                }
                if (kv[0].endsWith("-hdr")) {
                    headKind = kv[0].substring(0, 3);
                }
            }
            if (length < bodyStart) {
                return null;
            }
            if (!chunked) {
                return inner.isEmpty() ? status : status + inner;
            }
            int pos = bodyStart;
            while (true) {
                int lineEnd = indexOf(b, pos, length, "\r\n");
                if (lineEnd < 0) {
                    return null;
                }
                String sizeText = new String(b, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
                int semicolon = sizeText.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
                pos = lineEnd + 2;
                if (size == 0) {
                    return indexOf(b, pos, length, "\r\n") == pos ? (inner.isEmpty() ? status : status + inner) : null;
                }
                pos += size + 2;
                if (pos > length) {
                    return null;
                }
            }
        }

        private static int indexOf(byte[] b, int from, int to, String needle) {
            outer:
            for (int i = from; i <= to - needle.length(); i++) {
                for (int j = 0; j < needle.length(); j++) {
                    if (b[i + j] != needle.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static final byte[] ENCAPSULATED = "\r\nencapsulated:".getBytes(StandardCharsets.US_ASCII);
        private static final String[] STATUSES = new String[1000];

        /** The three-digit status as a shared String, so counting answers allocates nothing. */
        private static String status(byte[] b) {
            if (!isDigit(b[9]) || !isDigit(b[10]) || !isDigit(b[11])) {
                return new String(b, 9, 3, StandardCharsets.ISO_8859_1);
            }
            int code = (b[9] - '0') * 100 + (b[10] - '0') * 10 + (b[11] - '0');
            String s = STATUSES[code];
            if (s == null) {
                s = new String(b, 9, 3, StandardCharsets.ISO_8859_1);
                STATUSES[code] = s;
            }
            return s;
        }

        private static boolean isDigit(byte b) {
            return b >= '0' && b <= '9';
        }

        /** @param lowerNeedle lower-case ASCII */
        private static int indexOfIgnoreCase(byte[] b, int to, byte[] lowerNeedle) {
            outer:
            for (int i = 0; i <= to - lowerNeedle.length; i++) {
                for (int j = 0; j < lowerNeedle.length; j++) {
                    int c = b[i + j];
                    if (c >= 'A' && c <= 'Z') {
                        c += 'a' - 'A';
                    }
                    if (c != lowerNeedle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** The REQMOD a Squid would send for a GET of {@code url}: ICAP head plus the HTTP request head. */
    public static byte[] reqmod(URI service, String url) {
        String target = url.contains("://") ? url : "http://" + url;
        String host = "invalid";
        try {
            String authority = URI.create(target).getRawAuthority();
            if (authority != null) {
                host = authority;
            }
        } catch (IllegalArgumentException e) {
            // Some stream URLs are deliberately odd; the Host header is not what is measured.
        }
        byte[] http = ("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: IcapLoad\r\n"
                + "Accept: */*\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] icap = ("REQMOD " + service + " ICAP/1.0\r\nHost: " + service.getHost() + ":" + service.getPort()
                + "\r\nDate: Mon, 23 Nov 2026 10:30:00 GMT\r\nAllow: 204\r\nX-Client-IP: 10.0.0.1\r\n"
                + "Encapsulated: req-hdr=0, null-body=" + http.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[icap.length + http.length];
        System.arraycopy(icap, 0, all, 0, icap.length);
        System.arraycopy(http, 0, all, icap.length, http.length);
        return all;
    }
}
