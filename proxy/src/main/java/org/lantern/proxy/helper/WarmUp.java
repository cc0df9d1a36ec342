package org.lantern.proxy.helper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lantern.proxy.squidguard.SquidGuardConfig;

/**
 * Runs the whole request path (line reading, parsing, normalisation, list lookups, the acl, the
 * reply and the log entry) on made-up requests before the helper reads its first real line.
 *
 * <p>Why: Squid starts a helper once and then sends it requests for days, but a JVM runs its first
 * few hundred thousand requests in the interpreter and the first-tier compiler, several times
 * slower than after the JIT has compiled the hot path (docs/benchmarks.md: about 200,000 lines/s
 * over the first 200,000 lines against 300,000+ at steady state). Requests Squid sends meanwhile
 * wait in the pipe, so the cost is paid once at start-up instead of by pupils' first pages. The
 * requests mix entries read from the configured lists (so the matching branches are exercised, not
 * only the misses) with addresses that match nothing, from every source class's clients.
 * Nothing from the warm-up is counted or answered to Squid; its decisions go to the sink the
 * caller gives, which should be a throw-away decision log so that the log writer's JSON path is
 * compiled too (measured: with a cold writer the helper waited on the log's full queue for most of
 * its first 200,000 requests).
 */
public final class WarmUp {

    /** Entries read from the start of each list file: enough for the hit paths, quick to read. */
    private static final int ENTRIES_PER_LIST = 500;

    /**
     * The warm-up is served in this many rounds, each a call of {@link SquidHelper#serve} on a file
     * of requests: the end of each round's input takes the path Squid's pauses take (replies
     * flushed, the batch handed over), and each round is long enough to fill a decision batch and
     * refill the line buffer. A branch the warm-up never took sends the compiled code back to the
     * interpreter when a real request first takes it (measured: in a single round the flush path
     * was never compiled; in rounds of a few hundred lines, the full batch and the refill were not).
     */
    private static final int ROUNDS = 20;

    /**
     * Address shapes a school's traffic holds besides plain names, one in every four made-up
     * requests with {@code %d} filled in: IP hosts in several forms, search engines, IDN,
     * credentials, ports, dot segments and encodings, and an address no browser could send. Each
     * takes branches of the normaliser that plain names never do; a branch first taken by a real
     * request sends the compiled code back to the interpreter (measured on the shared stream).
     */
    private static final String[] SHAPES = {
        "http://192.0.2.%d/index.html",
        "http://3221225985/page/%d",
        "http://0xc0.0x0.0x2.%d/",
        "https://[2001:db8::%x]/a",
        "https://www.google.com/search?q=warm+up+%d",
        "https://www.bing.com/search?q=warm%%20up%%20%d&form=QBLH",
        "https://www.youtube.com/watch?v=warm%d",
        "http://xn--bcher-kva.example/%d",
        "http://user:secret@warm-up-%d.example/",
        "http://WWW.Warm-Up-%d.EXAMPLE:8080/a/./b/../c//d?x=%%41",
        "https://warm-up-%d.example.:443/%%7Euser/index.php?id=1&sort=desc",
        "http://warm_up-%d.example/cgi-bin/a.cgi",
        "http://bücher-%d.example/grüße?q=\"ä\"\\",
        "http://[warm-up-%d/",
        "http://warm-up-%d..example/",
    };

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
        List<String> urls = new ArrayList<>();
        for (SquidGuardConfig.Dest dest : config.dests().values()) {
            for (Path file : dest.domainLists()) {
                for (String host : firstEntries(file)) {
                    urls.add("http://www." + host + "/index.html");
                }
            }
            for (Path file : dest.urlLists()) {
                for (String url : firstEntries(file)) {
                    urls.add("http://" + url);
                }
            }
        }
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
            // Half the requests match nothing, like most of a school's traffic.
            String url;
            if (i % 4 == 3) {
                url = String.format(Locale.ROOT, SHAPES[i / 4 % SHAPES.length], i % 250);
            } else if (i % 2 == 1 || urls.isEmpty()) {
                url = String.format(Locale.ROOT, "https://www.warm-up-%d.example/page/%d?q=%d", i % 5000, i % 97, i);
            } else {
                url = urls.get(i / 2 % urls.size());
            }
            String channel = concurrency > 1 ? (i % concurrency) + " " : "";
            out.writeBytes((channel + url + " " + clients.get(i % clients.size()) + " GET\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static List<String> firstEntries(Path file) throws IOException {
        List<String> entries = new ArrayList<>();
        if (!Files.isReadable(file)) {
            return entries;
        }
        // List files may hold invalid UTF-8 (the loader skips such lines); here they are just replaced.
        try (InputStream in = Files.newInputStream(file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String line;
            while (entries.size() < ENTRIES_PER_LIST && (line = reader.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#") && entry.indexOf(' ') < 0) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private static String ipv4(long address) {
        return ((address >> 24) & 0xff) + "." + ((address >> 16) & 0xff) + "." + ((address >> 8) & 0xff) + "."
                + (address & 0xff);
    }
}
