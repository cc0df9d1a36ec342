package org.lantern.proxy.helper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.log.LogEntry;
import org.lantern.filter.match.Match;
import org.lantern.proxy.block.BlockLinkSigner;
import org.lantern.proxy.squidguard.SquidGuardDecision;
import org.lantern.proxy.squidguard.SquidGuardPolicy;
import org.lantern.proxy.squidguard.SquidGuardRequest;

/**
 * A Squid helper on stdin/stdout that judges requests with a {@link SquidGuardPolicy}, speaking
 * either the {@code url_rewrite_program} protocol (which is also squidGuard's own: the same input
 * {@code URL CLIENT_IP/FQDN USER METHOD} and the same replies as squidGuard 1.6, so the two are
 * interchangeable) or the {@code external_acl_type} protocol.
 *
 * <p>The policy is read afresh for each request, so a reload can swap in a new one while the
 * helper serves and Squid never restarts it; each request is judged by the one policy it read.
 *
 * <p>A line whose first word is a number carries a concurrency channel ID, echoed at the start of
 * the reply. Such lines are gathered into batches while more input is ready (a batch is handed
 * over as soon as Squid has nothing more queued, so no request waits for company), judged on a
 * small pool and answered as each batch finishes, possibly out of order, every batch's replies
 * written whole under one lock. Handing over batches rather than lines matters: a decision takes
 * a few microseconds, less than waking a thread, so per-line hand-offs made the concurrent mode
 * several times slower than the sequential one. Lines without a channel ID are answered in
 * order. A line that is not a request (blank, unparseable, over {@link #MAX_LINE_BYTES}, invalid
 * UTF-8) gets {@code BH message="..."} (with its channel ID when present), is counted and logged,
 * and the helper carries on: one bad line must never stop filtering for everyone else.
 *
 * <p>Every request judged becomes a {@link LogEntry} (the CLI appends them to the
 * {@code DecisionLog}, the JSON-lines record monitoring reads): who asked (user, client address),
 * when, for what (the normalised URL, or the line's URL when it could not be read), what was done
 * and which squidGuard class decided. Entries are handed to the decision sink in batches, as
 * replies are written: a batch of channel-ID lines at once, and sequential lines up to
 * {@link #BATCH_LINES} at a time and always before the helper waits for more input, so no entry
 * waits on Squid's next request. One hand-off per entry (a lock, a signal and a future in the
 * log's queue) was a measurable share of the helper's time (docs/benchmarks.md). Lines that are
 * not requests are not decisions and are only counted.
 *
 * <p>Replies are flushed whenever the helper is about to wait for input or all in-flight
 * requests are answered, so Squid never waits on a reply sitting in a buffer, while a burst of
 * pipelined requests costs one write system call rather than one per reply.
 */
public final class SquidHelper {

    /** Longest request line accepted; Squid's own URL limit is 8 KB, its helper buffer 64 KB. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    /** Most channel-ID lines handed to a pool thread at once, and most log entries handed to the sink at once. */
    private static final int BATCH_LINES = 256;

    /** A batch is handed over once its lines hold this many bytes, bounding queued memory. */
    private static final int BATCH_BYTES = 64 * 1024;

    /** How many bad lines are logged in full before only every 1000th is. */
    private static final int BAD_LINES_LOGGED = 20;

    private static final byte[] SPACE = {' '};
    private static final byte[] NEWLINE = {'\n'};

    /** Which Squid helper protocol to speak. */
    public enum Protocol {
        /**
         * {@code url_rewrite_program}: {@code [ID] URL ip/fqdn user method [kv...]} →
         * {@code ERR} (pass, as squidGuard answers), {@code OK rewrite-url="..."} or
         * {@code OK status=30x url="..."} (blocked).
         */
        URL_REWRITE,
        /**
         * {@code external_acl_type ... %URI %SRC %LOGIN %METHOD}: {@code OK} (allowed) or
         * {@code ERR message="..." url="..."} (denied; use with {@code http_access deny !acl}).
         */
        EXTERNAL_ACL
    }

    /**
     * Running totals, for the operator and for tests.
     *
     * @param requests request lines judged
     * @param passed requests passed
     * @param blocked requests blocked
     * @param badLines lines that were not requests (answered {@code BH})
     * @param errors requests whose evaluation failed unexpectedly (answered {@code BH})
     * @param invalidUrls requests whose URL could not be read (blocked, and included in {@code blocked})
     */
    public record Counters(long requests, long passed, long blocked, long badLines, long errors, long invalidUrls) {}

    private final Supplier<SquidGuardPolicy> policy;
    private final Protocol protocol;
    private final Clock clock;
    private final Consumer<String> log;
    private final Consumer<List<LogEntry>> decisions;
    private final BlockLinkSigner blockSigner;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong blocked = new AtomicLong();
    private final AtomicLong badLines = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong invalidUrls = new AtomicLong();

    /**
     * @param policy gives the policy in force, e.g. a
     *     {@link org.lantern.proxy.squidguard.SquidGuardPolicyReloader}, or
     *     {@code () -> policy} for one that never changes; read once per request, so each request
     *     is judged by one policy throughout even while a reload swaps in another; called on the
     *     judging threads for every request, so it must be thread-safe and cheap (a volatile read)
     * @param protocol the protocol to speak
     * @param clock the time requests are judged at (time rules read it in the clock's zone) and logged with
     * @param log receives one line per problem (bad input, failed evaluation); never stdout
     * @param decisions receives the entries of requests judged, a batch at a time and in the
     *     order judged within a batch, e.g. {@code DecisionLog::appendAll}; each list is the sink's
     *     to keep; called from the judging threads, so it must be thread-safe, and must not throw
     */
    public SquidHelper(Supplier<SquidGuardPolicy> policy, Protocol protocol, Clock clock, Consumer<String> log,
            Consumer<List<LogEntry>> decisions) {
        this(policy, protocol, clock, log, decisions, null);
    }

    /**
     * A helper that signs its redirects to Lantern's block page, as {@link #SquidHelper(Supplier,
     * Protocol, Clock, Consumer, Consumer)} otherwise.
     *
     * @param blockSigner signs redirects whose path ends {@code /blocked} with the Lantern server's
     *     key, so its block page shows the category and address the redirect carries; {@code null}
     *     sends them unsigned, and the page then shows only that a page was blocked
     */
    public SquidHelper(Supplier<SquidGuardPolicy> policy, Protocol protocol, Clock clock, Consumer<String> log,
            Consumer<List<LogEntry>> decisions, BlockLinkSigner blockSigner) {
        this.blockSigner = blockSigner;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
    }

    /** @return the totals so far */
    public Counters counters() {
        return new Counters(requests.get(), passed.get(), blocked.get(), badLines.get(), errors.get(),
                invalidUrls.get());
    }

    /**
     * Answers one line of the protocol, as text.
     *
     * @param line the request line, without its newline
     * @return the reply, without its newline
     */
    public String answer(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        List<LogEntry> entries = new ArrayList<>(1);
        String reply = answer(bytes, false, entries);
        handOver(entries);
        int idLength = channelIdLength(bytes);
        return idLength == 0 ? reply : new String(bytes, 0, idLength, StandardCharsets.US_ASCII) + " " + reply;
    }

    /**
     * Serves until the end of input: reads request lines, writes one reply line each.
     *
     * @param in the requests (Squid's pipe)
     * @param out the replies (Squid's pipe); nothing else is ever written to it
     * @param concurrency how many channel-ID requests may be judged at once; 1 judges every line
     *     on the calling thread
     * @throws IOException if reading or writing the pipes fails (Squid has gone)
     * @throws InterruptedException if interrupted while waiting for in-flight requests
     */
    public void serve(InputStream in, OutputStream out, int concurrency) throws IOException, InterruptedException {
        LineReader reader = new LineReader(in, MAX_LINE_BYTES);
        Writer writer = new Writer(out);
        if (concurrency <= 1) {
            List<LogEntry> entries = new ArrayList<>(BATCH_LINES);
            while (reader.next()) {
                byte[] line = reader.bytes();
                String reply = answer(line, reader.truncated(), entries);
                boolean waiting = !reader.moreInputReady();
                if (waiting || entries.size() >= BATCH_LINES) {
                    entries = handOver(entries);
                }
                writer.write(line, reply, waiting);
            }
            handOver(entries);
            writer.flush();
            return;
        }
        int threads = Math.min(concurrency, Math.max(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "squid-helper");
            t.setDaemon(true);
            return t;
        });
        // Bounds the batches queued ahead of the pool, so a flood of pipelined lines cannot exhaust
        // memory: at most this many batches of at most BATCH_BYTES plus one line each.
        int permits = threads * 4;
        Semaphore slots = new Semaphore(permits);
        AtomicInteger inFlight = new AtomicInteger();
        List<Line> batch = new ArrayList<>(BATCH_LINES);
        int batchBytes = 0;
        try {
            while (reader.next()) {
                Line line = new Line(reader.bytes(), reader.truncated());
                if (channelIdLength(line.bytes()) == 0) {
                    // No channel ID: Squid expects this reply in order, after everything before it.
                    dispatch(batch, pool, slots, inFlight, writer);
                    batch = new ArrayList<>(BATCH_LINES);
                    batchBytes = 0;
                    awaitIdle(inFlight, slots, permits);
                    answerAlone(line, writer, !reader.moreInputReady());
                    continue;
                }
                batch.add(line);
                batchBytes += line.bytes().length;
                // Squid is waiting for these replies once no more input is ready: hand the batch
                // over now. Otherwise keep filling it, so one hand-off serves many lines.
                if (!reader.moreInputReady() || batch.size() == BATCH_LINES || batchBytes >= BATCH_BYTES) {
                    dispatch(batch, pool, slots, inFlight, writer);
                    batch = new ArrayList<>(BATCH_LINES);
                    batchBytes = 0;
                }
            }
            dispatch(batch, pool, slots, inFlight, writer);
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            synchronized (writer) {
                writer.flush();
            }
        }
    }

    /** A request line as read, with whether it was cut at {@link #MAX_LINE_BYTES}. */
    private record Line(byte[] bytes, boolean truncated) {}

    /**
     * Answers a batch of channel-ID lines and writes the replies together, under one lock, flushing
     * when no other batch is in flight (so nothing waits in the buffer while the helper waits for
     * input). A lone request with nothing in flight is judged on the reader thread: a decision
     * (a few microseconds, never blocking) costs less than waking a pool thread. Larger batches go
     * to the pool, where batches judge in parallel and one hand-off is shared by many lines.
     */
    private void dispatch(List<Line> batch, ExecutorService pool, Semaphore slots, AtomicInteger inFlight,
            Writer writer) throws InterruptedException, IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1 && inFlight.get() == 0) {
            answerAlone(batch.get(0), writer, true);
            return;
        }
        slots.acquire();
        inFlight.incrementAndGet();
        pool.execute(() -> {
            String[] replies = new String[batch.size()];
            try {
                List<LogEntry> entries = new ArrayList<>(batch.size());
                for (int i = 0; i < replies.length; i++) {
                    replies[i] = answer(batch.get(i).bytes(), batch.get(i).truncated(), entries);
                }
                handOver(entries);
            } finally {
                slots.release();
            }
            synchronized (writer) {
                // Counted down under the writer's lock before writing, so whichever batch writes
                // last sees zero and flushes, and a failed write cannot leave the count stuck.
                boolean last = inFlight.decrementAndGet() == 0;
                try {
                    for (int i = 0; i < replies.length; i++) {
                        writer.write(batch.get(i).bytes(), replies[i], last && i == replies.length - 1);
                    }
                } catch (IOException e) {
                    log.accept("squid-helper: cannot write reply: " + e.getMessage());
                }
            }
        });
    }

    /** Answers one line on the reader thread, logging it at once. */
    private void answerAlone(Line line, Writer writer, boolean flush) throws IOException {
        List<LogEntry> entries = new ArrayList<>(1);
        String reply = answer(line.bytes(), line.truncated(), entries);
        handOver(entries);
        synchronized (writer) {
            writer.write(line.bytes(), reply, flush);
        }
    }

    /** Gives the sink the entries gathered, if any, and returns an empty list for the next batch. */
    private List<LogEntry> handOver(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        decisions.accept(entries);
        return new ArrayList<>(BATCH_LINES);
    }

    private static void awaitIdle(AtomicInteger inFlight, Semaphore slots, int permits) throws InterruptedException {
        slots.acquire(permits);
        slots.release(permits);
        while (inFlight.get() > 0) {
            Thread.onSpinWait();
        }
    }

    /**
     * Judges one request line and adds its log entry to {@code entries}.
     *
     * @return the reply, without the channel ID (the writer echoes it from the line) or newline
     */
    private String answer(byte[] bytes, boolean truncated, List<LogEntry> entries) {
        if (truncated) {
            return bad("request line longer than " + MAX_LINE_BYTES + " bytes", bytes);
        }
        if (!isUtf8(bytes)) {
            return bad("request line is not valid UTF-8", bytes);
        }
        // The fields are cut from the bytes by position (a space or tab byte never occurs inside a
        // UTF-8 character). Decoding every line through a CharsetDecoder and splitting it into a
        // list of words were about a tenth of the judging thread's profile at 1,000,000 lines.
        int urlStart = skipBlanks(bytes, channelIdLength(bytes));
        int urlEnd = wordEnd(bytes, urlStart);
        int clientStart = skipBlanks(bytes, urlEnd);
        int clientEnd = wordEnd(bytes, clientStart);
        if (clientStart == clientEnd) {
            return bad(urlStart == urlEnd ? "empty request line" : "expected URL and client address", bytes);
        }
        int userStart = skipBlanks(bytes, clientEnd);
        int userEnd = wordEnd(bytes, userStart);
        int methodStart = skipBlanks(bytes, userEnd);
        int methodEnd = wordEnd(bytes, methodStart);
        int slash = clientStart;
        while (slash < clientEnd && bytes[slash] != '/') {
            slash++;
        }
        Instant now = clock.instant();
        SquidGuardRequest request = new SquidGuardRequest(text(bytes, urlStart, urlEnd),
                text(bytes, clientStart, slash), slash == clientEnd ? "-" : text(bytes, slash + 1, clientEnd),
                userStart == userEnd ? "-" : text(bytes, userStart, userEnd),
                methodStart == methodEnd ? "GET" : text(bytes, methodStart, methodEnd),
                LocalDateTime.ofInstant(now, clock.getZone()));
        SquidGuardDecision decision;
        try {
            decision = policy.get().evaluate(request);
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            log.accept("squid-helper: evaluation failed for " + preview(bytes) + ": " + e);
            return "BH message=\"internal error\"";
        }
        requests.incrementAndGet();
        entries.add(logEntry(request, decision, now));
        if (!decision.blocked()) {
            passed.incrementAndGet();
            return protocol == Protocol.URL_REWRITE ? "ERR" : "OK";
        }
        blocked.incrementAndGet();
        if (decision.url() == null) {
            invalidUrls.incrementAndGet();
        }
        if (protocol == Protocol.EXTERNAL_ACL) {
            String reply = "ERR message=" + quote("blocked by Lantern: " + decision.targetClass()
                    + " (" + decision.sourceClass() + ")");
            return decision.redirectUrl().map(u -> reply + " url=" + quote(signed(u, now))).orElse(reply);
        }
        if (decision.redirectUrl().isEmpty()) {
            // A url_rewrite reply cannot deny; BH makes Squid fail the request rather than let it through.
            return "BH message=" + quote("blocked by Lantern (" + decision.targetClass()
                    + ") but no redirect is configured");
        }
        String url = signed(decision.redirectUrl().get(), now);
        return decision.status() > 0
                ? "OK status=" + decision.status() + " url=" + quote(url)
                : "OK rewrite-url=" + quote(url);
    }

    private String signed(String redirect, Instant at) {
        return blockSigner == null ? redirect : blockSigner.signRedirect(redirect, at);
    }

    /** Squid sends URLs percent-encoded, so only the rare line that is not ASCII needs a strict decoder. */
    private static boolean isUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int skipBlanks(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int wordEnd(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != ' ' && bytes[i] != '\t') {
            i++;
        }
        return i;
    }

    /** @return the bytes from {@code from} to {@code to} as text; the line is known to be valid UTF-8 */
    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** The decision as a line of the decision log, in the terms of the squidGuard.conf that made it. */
    private static LogEntry logEntry(SquidGuardRequest request, SquidGuardDecision decision, Instant at) {
        Match match = null;
        for (Match m : decision.matches()) {
            if (!decision.blocked() || m.category().equals(decision.targetClass())) {
                match = m;
                break;
            }
        }
        Rule rule = decision.blocked() && decision.targetClass().equals("in-addr") ? Rule.RAW_IP
                : !decision.blocked() && decision.matches().isEmpty() ? Rule.NO_MATCH : Rule.POLICY;
        String category = decision.blocked() ? decision.targetClass() : match == null ? null : match.category();
        return new LogEntry(at, known(request.user()), null, decision.sourceClass(), known(request.clientIp()),
                request.method(), decision.url() != null ? decision.url().toString() : request.url(),
                decision.blocked() ? Action.BLOCK : Action.ALLOW, rule, category,
                match == null ? null : match.list().toString(), match == null ? null : match.entry(),
                null, null, null, 0, null, false,
                decision.blocked() ? "Blocked by the school's squidGuard rules: " + decision.targetClass()
                        + " (" + decision.sourceClass() + ")" : null);
    }

    /** squidGuard's helper input says {@code -} for an unknown user or address; the log says nothing. */
    private static String known(String value) {
        return value.isEmpty() || value.equals("-") ? null : value;
    }

    private String bad(String reason, byte[] bytes) {
        long n = badLines.incrementAndGet();
        if (n <= BAD_LINES_LOGGED || n % 1000 == 0) {
            log.accept("squid-helper: bad line #" + n + ": " + reason + ": " + preview(bytes));
        }
        return "BH message=" + quote(reason);
    }

    private static String preview(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return (bytes.length > 200 ? out + "..." : out.toString());
    }

    /** @return the length of a leading channel ID (digits followed by a space or end), else 0 */
    static int channelIdLength(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && i < 10 && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        if (i == 0 || (i < bytes.length && bytes[i] != ' ' && bytes[i] != '\t')) {
            return 0;
        }
        return i;
    }

    /** Squid's quoted-string syntax: backslash escapes a quote or backslash inside the value. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return out.append('"').toString();
    }

    /** Buffered UTF-8 output of whole reply lines. */
    private static final class Writer {
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int length;

        Writer(OutputStream out) {
            this.out = out;
        }

        /**
         * @param line the request line, whose channel ID (if any) starts the reply
         * @param reply the reply to it, without channel ID
         * @param flush whether to send everything buffered now
         */
        void write(byte[] line, String reply, boolean flush) throws IOException {
            int idLength = channelIdLength(line);
            if (idLength > 0) {
                put(line, idLength);
                put(SPACE, 1);
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            put(bytes, bytes.length);
            put(NEWLINE, 1);
            if (flush) {
                flush();
            }
        }

        private void put(byte[] bytes, int n) throws IOException {
            if (length + n > buffer.length) {
                out.write(buffer, 0, length);
                length = 0;
            }
            if (n > buffer.length) {
                out.write(bytes, 0, n);
            } else {
                System.arraycopy(bytes, 0, buffer, length, n);
                length += n;
            }
        }

        void flush() throws IOException {
            if (length > 0) {
                out.write(buffer, 0, length);
                length = 0;
            }
            out.flush();
        }
    }

    @Override
    public String toString() {
        Counters c = counters();
        return String.format(Locale.ROOT,
                "SquidHelper[%s, %d requests, %d passed, %d blocked (%d unreadable URLs), %d bad lines, %d errors]",
                protocol, c.requests(), c.passed(), c.blocked(), c.invalidUrls(), c.badLines(), c.errors());
    }
}
