package org.lantern.proxy.helper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lantern.filter.log.LogEntry;
import org.lantern.proxy.squidguard.SquidGuardConfig;
import org.lantern.proxy.squidguard.SquidGuardPolicy;

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

    private WarmUp() {
    }

    /**
     * Judges {@code lines} made-up requests through a throw-away helper over the same policy.
     *
     * @param policy gives the policy, as it will to the real helper: the same supplier, so that
     *     the call that reads it is compiled for the one the real helper reads
     * @param protocol the protocol the real helper will speak
     * @param lines how many requests to run, e.g. 200,000; 0 does nothing
     * @param concurrency the real helper's concurrency, so the same code paths are compiled
     * @param decisions receives the made-up decisions' log entries in batches, as the real helper's
     *     sink does, e.g. a decision log in a scratch directory
     * @throws IOException if a list file cannot be read again
     * @throws InterruptedException if interrupted while the requests are judged
     */
    public static void run(Supplier<SquidGuardPolicy> policy, SquidHelper.Protocol protocol, int lines, int concurrency,
            Consumer<List<LogEntry>> decisions) throws IOException, InterruptedException {
        if (lines <= 0) {
            return;
        }
        byte[] requests = requests(policy.get().config(), lines, concurrency);
        SquidHelper helper = new SquidHelper(policy, protocol, Clock.systemDefaultZone(), line -> { }, decisions);
        helper.serve(new ByteArrayInputStream(requests), OutputStream.nullOutputStream(), concurrency);
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
        }
        clients.add("192.0.2.1/- -");
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 64);
        for (int i = 0; i < lines; i++) {
            // Every other request matches nothing, like most of a school's traffic.
            String url = i % 2 == 1 || urls.isEmpty() ? String.format(Locale.ROOT,
                    "https://www.warm-up-%d.example/page/%d?q=%d", i % 5000, i % 97, i) : urls.get(i / 2 % urls.size());
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
