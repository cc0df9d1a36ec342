package org.lantern.proxy.icap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load harness (not a test): drives any ICAP REQMOD service the way Squid does, over many
 * keep-alive connections, with URLs from a file, and reports requests per second and latency
 * percentiles. Used for Lantern and for peers (c-icap url_check) alike; see docs/benchmarks.md.
 *
 * <pre>
 * java -cp proxy/target/test-classes org.lantern.proxy.icap.IcapLoad \
 *     icap://127.0.0.1:1344/reqmod /work/shared/data/urls/stream-200k.txt [connections] [requests]
 * </pre>
 */
public final class IcapLoad {

    private IcapLoad() {
    }

    /**
     * @param args service URI, URL file, optional connection count (64) and request count (all URLs)
     * @throws Exception if the service cannot be reached
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IcapLoad icap://HOST:PORT/SERVICE URL_FILE [connections=64] [requests]");
            System.exit(2);
        }
        URI service = URI.create(args[0]);
        List<String> urls = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : urls.size();

        int warmup = Math.min(20_000, requests / 5);
        run(service, urls, connections, warmup);
        Result result = run(service, urls, connections, requests);
        long[] latencies = result.latencies;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "service=%s connections=%d requests=%d errors=%d%n", service, connections,
                latencies.length, result.errors);
        System.out.printf(Locale.ROOT, "throughput=%.0f req/s p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
                latencies.length / (result.nanos / 1e9), percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6, latencies[latencies.length - 1] / 1e6);
        System.out.println("statuses=" + result.statuses);
    }

    private record Result(long[] latencies, long nanos, long errors, ConcurrentHashMap<String, LongAdder> statuses) {
    }

    private static Result run(URI service, List<String> urls, int connections, int requests) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[requests];
        LongAdder errors = new LongAdder();
        ConcurrentHashMap<String, LongAdder> statuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Socket socket = new Socket(service.getHost(), service.getPort())) {
                    socket.setTcpNoDelay(true);
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        byte[] request = reqmod(service, urls.get(i % urls.size()));
                        long t0 = System.nanoTime();
                        out.write(request);
                        out.flush();
                        String status = readResponse(in);
                        latencies[i] = System.nanoTime() - t0;
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    }
                } catch (IOException e) {
                    errors.increment();
                    System.err.println("connection failed: " + e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(latencies, System.nanoTime() - start, errors.sum(), statuses);
    }

    private static byte[] reqmod(URI service, String url) {
        String target = url.contains("://") ? url : "http://" + url;
        String host = URI.create("http://x/").getHost();
        try {
            host = URI.create(target).getRawAuthority();
        } catch (IllegalArgumentException e) {
            // Some stream URLs are deliberately odd; the Host header is not what is measured.
        }
        String http = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: IcapLoad\r\n\r\n";
        byte[] httpBytes = http.getBytes(StandardCharsets.UTF_8);
        String icap = "REQMOD " + service + " ICAP/1.0\r\nHost: " + service.getHost() + "\r\nAllow: 204\r\n"
                + "X-Client-IP: 10.0.0.1\r\nEncapsulated: req-hdr=0, null-body=" + httpBytes.length + "\r\n\r\n";
        byte[] icapBytes = icap.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(icapBytes, icapBytes.length + httpBytes.length);
        System.arraycopy(httpBytes, 0, all, icapBytes.length, httpBytes.length);
        return all;
    }

    /** Reads one ICAP response; returns its status plus the HTTP status inside, e.g. "200/403". */
    private static String readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        String status = statusLine.split(" ")[1];
        String encapsulated = "null-body=0";
        String header;
        while (!(header = line(in)).isEmpty()) {
            if (header.regionMatches(true, 0, "Encapsulated:", 0, 13)) {
                encapsulated = header.substring(13).trim();
            }
        }
        String inner = "";
        String[] parts = encapsulated.split(",\\s*");
        for (int p = 0; p < parts.length; p++) {
            String[] kv = parts[p].split("=");
            if (kv[0].endsWith("-hdr")) {
                int length = Integer.parseInt(parts[p + 1].split("=")[1]) - Integer.parseInt(kv[1]);
                byte[] head = in.readNBytes(length);
                String first = new String(head, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
                if (kv[0].equals("res-hdr")) {
                    inner = "/" + first.split(" ")[1];
                }
            } else if (kv[0].endsWith("-body") && !kv[0].equals("null-body")) {
                int size;
                while ((size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0) {
                    in.readNBytes(size + 2);
                }
                line(in);
            }
        }
        return status + inner;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("server closed the connection");
            }
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    private static long percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
