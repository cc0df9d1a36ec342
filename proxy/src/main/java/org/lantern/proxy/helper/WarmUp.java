package org.lantern.proxy.helper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lantern.proxy.squidguard.SquidGuardConfig;
import org.lantern.proxy.warmup.WarmUpUrls;

/**
 * Runs the whole request path (line reading, parsing, normalisation, list lookups, the acl, the
 * reply and the log entry) on made-up requests before the helper reads its first real line.
 *
 * <p>Why: Squid starts a helper once and then sends it requests for days, but a JVM runs its first
 * few hundred thousand requests in the interpreter and the first-tier compiler, several times
 * slower than after the JIT has compiled the hot path (docs/benchmarks.md: about 200,000 lines/s
 * over the first 200,000 lines against 300,000+ at steady state). Requests Squid sends meanwhile
 * wait in the pipe, so the cost is paid once at start-up instead of by pupils' first pages. The
 * requests are {@link WarmUpUrls}' addresses, drawn from the configured lists, from every source
 * class's clients.
 * Nothing from the warm-up is counted or answered to Squid; its decisions go to the sink the
 * caller gives, which should be a throw-away decision log so that the log writer's JSON path is
 * compiled too (measured: with a cold writer the helper waited on the log's full queue for most of
 * its first 200,000 requests).
 */
public final class WarmUp {

    /**
     * The warm-up is served in this many rounds, each a call of {@link SquidHelper#serve} on a file
     * of requests: the end of each round's input takes the path Squid's pauses take (replies
     * flushed, the batch handed over), and each round is long enough to fill a decision batch and
     * refill the line buffer. A branch the warm-up never took sends the compiled code back to the
     * interpreter when a real request first takes it (measured: in a single round the flush path
     * was never compiled; in rounds of a few hundred lines, the full batch and the refill were not).
     */
    private static final int ROUNDS = 20;

    private WarmUp() {
    }

    /**
     * Judges {@code lines} made-up requests through {@code helper}, which the caller builds as it
     * builds the real one (the same policy supplier, decision-log sink and clock, from the same
     * code), so that what is compiled is compiled for the real helper's classes. The requests are
     * read from a file and the replies written to one through the same stream classes as Squid's
     * pipes, for the same reason.
     *
     * @param helper a throw-away helper over the real one's policy, whose decisions go to a
     *     throw-away log, so that the log writer is compiled too
     * @param config the configuration whose lists and sources the requests draw on
     * @param lines how many requests to run, e.g. 200,000; 0 does nothing
     * @param concurrency the real helper's concurrency, so the same code paths are compiled
     * @param scratch an empty directory for the requests and replies
     * @throws IOException if a list file cannot be read again, or the scratch directory written
     * @throws InterruptedException if interrupted while the requests are judged
     */
    public static void run(SquidHelper helper, SquidGuardConfig config, int lines, int concurrency, Path scratch)
            throws IOException, InterruptedException {
        if (lines <= 0) {
            return;
        }
        byte[] all = requests(config, lines, concurrency);
        Path requests = scratch.resolve("requests");
        Path replies = scratch.resolve("replies");
        int rounds = Math.min(ROUNDS, lines);
        int start = 0;
        for (int round = 0; round < rounds; round++) {
            int end = afterLines(all, start, lines / rounds + (round < lines % rounds ? 1 : 0));
            try (OutputStream file = new FileOutputStream(requests.toFile())) {
                file.write(all, start, end - start);
            }
            try (InputStream in = new BufferedInputStream(new FileInputStream(requests.toFile()));
                    OutputStream out = new BufferedOutputStream(new FileOutputStream(replies.toFile()), 1 << 16)) {
                helper.serve(in, out, concurrency);
            }
            start = end;
        }
    }

    /** @return the offset just after the {@code count}th newline at or after {@code from} */
    private static int afterLines(byte[] bytes, int from, int count) {
        int at = from;
        for (int seen = 0; seen < count; at++) {
            if (bytes[at] == '\n') {
                seen++;
            }
        }
        return at;
    }

    /**
     * @param config the squidGuard configuration whose lists and sources to draw on
     * @param lines how many request lines to make
     * @param concurrency above 1, lines carry channel IDs as Squid sends them then
     * @return the lines, newline-terminated, in the url_rewrite input format
     * @throws IOException if a list file cannot be read
     */
    static byte[] requests(SquidGuardConfig config, int lines, int concurrency) throws IOException {
        List<Path> domainLists = new ArrayList<>();
        List<Path> urlLists = new ArrayList<>();
        for (SquidGuardConfig.Dest dest : config.dests().values()) {
            domainLists.addAll(dest.domainLists());
            urlLists.addAll(dest.urlLists());
        }
        List<String> urls = WarmUpUrls.make(domainLists, urlLists, lines);
        List<String> clients = new ArrayList<>();
        for (SquidGuardConfig.Source source : config.sources()) {
            String ip = source.ipRanges().isEmpty() ? "192.0.2.1" : ipv4(source.ipRanges().get(0).first());
            String user = source.users().isEmpty() ? "-" : source.users().iterator().next();
            clients.add(ip + "/- " + user);
            // The same clients without a user, and with a name for the address, as Squid sends them.
            clients.add(ip + "/- -");
            clients.add(ip + "/pc-" + clients.size() + ".school.example " + user);
        }
        clients.add("192.0.2.1/- -");
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 64);
        for (int i = 0; i < lines; i++) {
            String channel = concurrency > 1 ? (i % concurrency) + " " : "";
            out.writeBytes((channel + urls.get(i) + " " + clients.get(i % clients.size()) + " GET\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String ipv4(long address) {
        return ((address >> 24) & 0xff) + "." + ((address >> 16) & 0xff) + "." + ((address >> 8) & 0xff) + "."
                + (address & 0xff);
    }
}
