package org.lantern.activity.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import org.lantern.bench.BenchData;

/**
 * Writes a Squid native access.log of the shared request stream, the same bytes every time, for
 * {@link SquidAccessLogBenchmark} and {@code bench/squid-log-parse.sh}. Each stream URL becomes a
 * line in turn (cycled past 200,000): {@code https} URLs as the {@code CONNECT host:443} Squid logs
 * for a tunnel it does not inspect, others as {@code GET}; one request in 25 denied; 600 pupils on
 * 600 addresses, one request in ten without a user name.
 */
public final class SquidLogGenerator {

    /** The lines written unless told otherwise. */
    public static final int DEFAULT_LINES = 2_000_000;

    private SquidLogGenerator() {}

    /**
     * @param args {@code [lines] [file]}; the file defaults to {@link #defaultFile(int)}
     * @throws IOException when the stream cannot be read or the file written
     */
    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_LINES;
        Path file = args.length > 1 ? Path.of(args[1]) : defaultFile(lines);
        System.out.println(ensure(file, lines));
    }

    /**
     * @param lines the number of lines
     * @return {@code lantern-bench/squid-access-<lines>.log} under the temporary directory
     */
    public static Path defaultFile(int lines) {
        return Path.of(System.getProperty("java.io.tmpdir"), "lantern-bench", "squid-access-" + lines + ".log");
    }

    /**
     * Writes the file unless it is already there (it is the same every time).
     *
     * @param file where
     * @param lines how many lines
     * @return the file
     * @throws IOException when the stream cannot be read or the file written
     */
    public static Path ensure(Path file, int lines) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        String[] urls = BenchData.stream(BenchData.locate());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Random random = new Random(2026);
        long millis = 1_765_000_000_000L;
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < lines; i++) {
                String url = urls[i % urls.length];
                millis += random.nextInt(6);
                int pupil = random.nextInt(600);
                boolean connect = url.startsWith("https://");
                boolean denied = random.nextInt(25) == 0;
                line.setLength(0);
                line.append(millis / 1000).append('.').append(String.format("%03d", millis % 1000));
                line.append(String.format(" %6d ", random.nextInt(30_000)));
                line.append("10.").append(20 + pupil / 250).append('.').append(pupil % 250).append('.')
                        .append(1 + pupil % 7).append(' ');
                line.append(denied ? "TCP_DENIED/403 " : connect ? "TCP_TUNNEL/200 " : "TCP_MISS/200 ");
                line.append(denied ? 3_900 : random.nextInt(200_000)).append(' ');
                if (connect) {
                    line.append("CONNECT ").append(authority(url)).append(":443 ");
                } else {
                    line.append("GET ").append(url).append(' ');
                }
                line.append(random.nextInt(10) == 0 ? "-" : "pupil" + pupil).append(' ');
                line.append(denied ? "HIER_NONE/- text/html\n" : "HIER_DIRECT/93.184.216.34 text/html\n");
                out.append(line);
            }
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static String authority(String url) {
        int start = url.indexOf("://") + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(start, end);
    }
}
