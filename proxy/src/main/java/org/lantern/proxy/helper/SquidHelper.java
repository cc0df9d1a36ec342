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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * the reply. With concurrency, lines are gathered into batches while more input is ready and
 * judged on a small pool; without, on the reading thread. A line that is not a request (blank,
 * unparseable, over {@link #MAX_LINE_BYTES}, invalid UTF-8), and a request whose judging failed,
 * is refused (with its channel ID when present), counted and logged, and the helper carries on:
 * one bad line must never stop filtering for everyone else. Refused means blocked, never passed:
 * {@code BH message="..."} under {@code external_acl_type}, where Squid denies on BH, and a
 * redirect to {@link #NOWHERE} under {@code url_rewrite_program}, where Squid would serve the
 * request unchanged after a BH and its retries, so a line crafted to be unreadable would be a way
 * round the filter.
 *
 * <p>Every request judged becomes a {@link LogEntry} (the CLI records them in the
 * {@code DecisionLog}, the JSON-lines record monitoring reads): who asked (user, client address),
 * when, for what (the normalised URL, or the line's URL when it could not be read), what was done
 * and which squidGuard class decided. <b>A request is answered only once its entry is recorded</b>
 * (for the decision log: forced to disk), so a helper killed at any moment has answered nothing
 * that is not on record. Entries go to the {@link DecisionSink} a batch at a time: the lines read
 * together, up to {@link #BATCH_LINES}, and always before the helper waits for more input, so no
 * entry waits on Squid's next request. Replies are written in the order the batches were read,
 * by a thread of their own, so the helper goes on judging and recording the next batches while
 * one is forced to disk, and one forced write serves every batch that arrived meanwhile. One
 * hand-off per entry (a lock, a signal and a future in the log's queue) was a measurable share of
 * the helper's time (docs/benchmarks.md). Lines that are not requests are not decisions and are
 * only counted. If the sink cannot record a batch, its passes are answered {@code BH} and its
 * blocks still as blocks (see {@link DecisionSink}).
 */
public final class SquidHelper {

    /**
     * Where a {@code url_rewrite_program} block with no redirect configured is sent: {@code .invalid}
     * never resolves (RFC 6761), so the browser gets Squid's error page and never the page blocked.
     */
    public static final String NOWHERE = "http://blocked.lantern.invalid/";

    /** Longest request line accepted; Squid's own URL limit is 8 KB, its helper buffer 64 KB. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    /** Most lines judged together, and so most log entries handed to the sink at once. */
    private static final int BATCH_LINES = 256;

    /**
     * Most batches read and not yet answered, bounding the memory a flood of pipelined lines can
     * take (at most this many of {@link #BATCH_BYTES}). With {@link #BATCH_LINES} it is eight of
     * the decision log's largest writes, so the judging threads go on while writes are forced:
     * with 32 batches (two writes) {@code --concurrency 16} ran about 1.4 times slower than before
     * replies waited for the log, with 128 as fast (docs/benchmarks.md).
     */
    private static final int BATCHES_IN_FLIGHT = 128;

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
         * {@code OK status=30x url="..."} (blocked), and never {@code BH} for a block, which Squid
         * would end by serving: a block with no redirect is sent to {@link #NOWHERE}.
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
     * @param unlogged decisions the sink failed to record (passes answered {@code BH}, blocks as blocks)
     */
    public record Counters(long requests, long passed, long blocked, long badLines, long errors, long invalidUrls,
            long unlogged) {}

    /**
     * Where the helper records its decisions, e.g. {@code DecisionLog::appendAll}. The replies to a
     * batch's requests wait for its future, so a request Squid has had an answer to is on record.
     *
     * <p>If the future fails (the decision log refused the batch after its back-pressure wait, or
     * could not write it), a blocked request is still answered as a block, since enforcing it
     * matters more than its record, and an allowed one is answered {@code BH message="decision not
     * logged: ..."}. Squid logs that to cache.log and retries the request (up to twice), giving the
     * log another chance; then an {@code external_acl_type} helper's {@code BH} denies the request
     * (fails closed), while a {@code url_rewrite_program} cannot deny: after the retries Squid lets
     * the request through unchanged, as the pass would have.
     */
    @FunctionalInterface
    public interface DecisionSink {
        /**
         * @param entries the entries of requests judged together, in the order judged; the sink's to keep
         * @return completes once every entry is durably recorded, or fails; must not be {@code null}
         */
        CompletableFuture<?> record(List<LogEntry> entries);
    }

    private final Supplier<SquidGuardPolicy> policy;
    private final Protocol protocol;
    private final Clock clock;
    private final Consumer<String> log;
    private final DecisionSink sink;
    private final BlockLinkSigner blockSigner;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong blocked = new AtomicLong();
    private final AtomicLong badLines = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong invalidUrls = new AtomicLong();
    private final AtomicLong unlogged = new AtomicLong();

    /**
     * @param policy gives the policy in force, e.g. a
     *     {@link org.lantern.proxy.squidguard.SquidGuardPolicyReloader}, or
     *     {@code () -> policy} for one that never changes; read once per request, so each request
     *     is judged by one policy throughout even while a reload swaps in another; called on the
     *     judging threads for every request, so it must be thread-safe and cheap (a volatile read)
     * @param protocol the protocol to speak
     * @param clock the time requests are judged at (time rules read it in the clock's zone) and logged with
     * @param log receives one line per problem (bad input, failed evaluation); never stdout
     * @param sink records the entries of requests judged, a batch at a time, e.g.
     *     {@code DecisionLog::appendAll}; called from the judging threads, so it must be thread-safe
     */
    public SquidHelper(Supplier<SquidGuardPolicy> policy, Protocol protocol, Clock clock, Consumer<String> log,
            DecisionSink sink) {
        this(policy, protocol, clock, log, sink, null);
    }

    /**
     * A helper that signs its redirects to Lantern's block page, as {@link #SquidHelper(Supplier,
     * Protocol, Clock, Consumer, DecisionSink)} otherwise.
     *
     * @param blockSigner signs redirects whose path ends {@code /blocked} with the Lantern server's
     *     key, so its block page shows the category and address the redirect carries; {@code null}
     *     sends them unsigned, and the page then shows only that a page was blocked
     */
    public SquidHelper(Supplier<SquidGuardPolicy> policy, Protocol protocol, Clock clock, Consumer<String> log,
            DecisionSink sink, BlockLinkSigner blockSigner) {
        this.blockSigner = blockSigner;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** @return the totals so far */
    public Counters counters() {
        return new Counters(requests.get(), passed.get(), blocked.get(), badLines.get(), errors.get(),
                invalidUrls.get(), unlogged.get());
    }

    /**
     * Answers one line of the protocol, as text, once its decision is recorded.
     *
     * @param line the request line, without its newline
     * @return the reply, without its newline
     * @throws InterruptedException if interrupted while waiting for the decision to be recorded
     */
    public String answer(String line) throws InterruptedException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Batch batch = new Batch(1);
        batch.add(bytes, false);
        String reply = batch.record().settle()[0];
        int idLength = channelIdLength(bytes);
        return idLength == 0 ? reply : new String(bytes, 0, idLength, StandardCharsets.US_ASCII) + " " + reply;
    }

    /**
     * Serves until the end of input: reads request lines, writes one reply line each, each only
     * once its decision is recorded.
     *
     * @param in the requests (Squid's pipe)
     * @param out the replies (Squid's pipe); nothing else is ever written to it
     * @param concurrency how many channel-ID requests may be judged at once; 1 judges every line
     *     on the calling thread
     * @throws IOException if reading or writing the pipes fails (Squid has gone)
     * @throws InterruptedException if interrupted while waiting for replies to be written
     */
    public void serve(InputStream in, OutputStream out, int concurrency) throws IOException, InterruptedException {
        LineReader reader = new LineReader(in, MAX_LINE_BYTES);
        Replier replier = new Replier(new Writer(out));
        Thread replies = Thread.ofPlatform().name("squid-helper-replies").daemon(true).start(replier);
        boolean served = false;
        try {
            if (concurrency <= 1) {
                serveInOrder(reader, replier);
            } else {
                serveConcurrently(reader, replier, concurrency);
            }
            served = true;
        } finally {
            if (served) {
                replier.end();
                replies.join();
            } else {
                // Failing already: the replier may be stuck on a pipe Squid no longer reads.
                replies.interrupt();
            }
        }
        replier.rethrow();
    }

    /** Judges every line on the calling thread, recording a batch before the helper waits for input. */
    private void serveInOrder(LineReader reader, Replier replier) throws IOException, InterruptedException {
        Batch batch = new Batch(BATCH_LINES);
        while (reader.next()) {
            batch.add(reader.bytes(), reader.truncated());
            if (!reader.moreInputReady() || batch.size() == BATCH_LINES) {
                replier.put(CompletableFuture.completedFuture(batch.record()));
                batch = new Batch(BATCH_LINES);
            }
        }
        if (batch.size() > 0) {
            replier.put(CompletableFuture.completedFuture(batch.record()));
        }
    }

    /**
     * Gathers lines into batches while more input is ready (Squid is waiting for their replies once
     * none is, so a batch is handed over then) and judges them on a pool. Handing over batches
     * rather than lines matters: a decision takes a few microseconds, less than waking a thread,
     * so per-line hand-offs made the concurrent mode several times slower than the sequential one.
     * A lone line is judged on the reader thread, for the same reason.
     */
    private void serveConcurrently(LineReader reader, Replier replier, int concurrency)
            throws IOException, InterruptedException {
        int threads = Math.min(concurrency, Math.max(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "squid-helper");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Line> lines = new ArrayList<>(BATCH_LINES);
            int bytes = 0;
            while (reader.next()) {
                Line line = new Line(reader.bytes(), reader.truncated());
                lines.add(line);
                bytes += line.bytes().length;
                if (!reader.moreInputReady() || lines.size() == BATCH_LINES || bytes >= BATCH_BYTES) {
                    replier.put(judge(lines, pool));
                    lines = new ArrayList<>(BATCH_LINES);
                    bytes = 0;
                }
            }
            if (!lines.isEmpty()) {
                replier.put(judge(lines, pool));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** @return the lines judged and recorded, on the pool unless there is only one */
    private CompletableFuture<Batch> judge(List<Line> lines, ExecutorService pool) {
        Supplier<Batch> judging = () -> {
            Batch batch = new Batch(lines.size());
            for (Line line : lines) {
                batch.add(line.bytes(), line.truncated());
            }
            return batch.record();
        };
        return lines.size() == 1 ? CompletableFuture.completedFuture(judging.get())
                : CompletableFuture.supplyAsync(judging, pool);
    }

    /** A request line as read, with whether it was cut at {@link #MAX_LINE_BYTES}. */
    private record Line(byte[] bytes, boolean truncated) {}

    /**
     * Lines read together: their replies, and the one hand-over to the decision sink that their
     * decisions share. Filled by one thread, then read by the replier.
     */
    private final class Batch {
        private final byte[][] ids;
        private final String[] replies;
        /** Each line's decision, or {@code null} for a line that was not a request. */
        private final LogEntry[] decisions;
        private int size;
        private CompletableFuture<?> recorded;

        Batch(int capacity) {
            ids = new byte[capacity][];
            replies = new String[capacity];
            decisions = new LogEntry[capacity];
        }

        int size() {
            return size;
        }

        /** Judges a line and keeps its reply, its channel ID (if any) and its decision. */
        void add(byte[] line, boolean truncated) {
            int idLength = channelIdLength(line);
            ids[size] = idLength == 0 ? null : Arrays.copyOf(line, idLength);
            replies[size] = answer(line, truncated, this);
            size++;
        }

        /** Called by {@link SquidHelper#answer(byte[], boolean, Batch)} for the line being added. */
        void decided(LogEntry entry) {
            decisions[size] = entry;
        }

        /** Hands the decisions to the sink. @return this */
        Batch record() {
            List<LogEntry> entries = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                if (decisions[i] != null) {
                    entries.add(decisions[i]);
                }
            }
            if (entries.isEmpty()) {
                recorded = CompletableFuture.completedFuture(null);
                return this;
            }
            try {
                recorded = Objects.requireNonNull(sink.record(entries), "the decision sink's future");
            } catch (RuntimeException e) {
                recorded = CompletableFuture.failedFuture(e);
            }
            return this;
        }

        /** @return whether the replies can be written without waiting for the sink */
        boolean settled() {
            return recorded.isDone();
        }

        /**
         * Waits until the sink has recorded the decisions or failed to.
         *
         * @return the replies to send: as judged once recorded; if the sink failed, a pass becomes
         *     {@code BH} (Squid retries it, and an {@code external_acl_type} helper's {@code BH}
         *     denies), while a block stays a block, since enforcing it matters more than its record
         */
        String[] settle() throws InterruptedException {
            try {
                recorded.get();
                return replies;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                int notRecorded = 0;
                for (int i = 0; i < size; i++) {
                    if (decisions[i] != null) {
                        notRecorded++;
                        if (decisions[i].action() != Action.BLOCK) {
                            replies[i] = "BH message=" + quote("decision not logged: " + cause.getMessage());
                        }
                    }
                }
                long n = unlogged.addAndGet(notRecorded);
                if (n - notRecorded < BAD_LINES_LOGGED || n / 1000 > (n - notRecorded) / 1000) {
                    log.accept("squid-helper: " + notRecorded + " decisions not logged (" + n + " so far; passes "
                            + "answered BH, blocks answered as blocks): " + cause);
                }
                return replies;
            }
        }
    }

    /**
     * Writes the replies, batch after batch in the order read, each only once its decisions are
     * recorded: an answered request is a recorded one, even if the helper is killed the next
     * moment. Runs on its own thread so that the reader keeps judging and recording the next
     * batches meanwhile, and the cost of forcing the log to disk is shared by every batch that
     * arrived in the time. Replies are flushed whenever the next batch is not ready to be written,
     * so Squid never waits on a reply sitting in a buffer, while a burst of pipelined requests
     * costs one write system call rather than one per reply.
     */
    private final class Replier implements Runnable {
        private static final CompletableFuture<Batch> END = new CompletableFuture<>();

        private final Writer writer;
        private final BlockingQueue<CompletableFuture<Batch>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        private volatile IOException failure;

        Replier(Writer writer) {
            this.writer = writer;
        }

        /**
         * Queues a batch for writing, waiting for room.
         *
         * @throws IOException if writing an earlier reply failed (Squid has gone)
         */
        void put(CompletableFuture<Batch> batch) throws IOException, InterruptedException {
            rethrow();
            queue.put(batch);
        }

        /** Asks for everything queued to be written, and the thread to finish. */
        void end() throws InterruptedException {
            queue.put(END);
        }

        void rethrow() throws IOException {
            IOException e = failure;
            if (e != null) {
                throw e;
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    CompletableFuture<Batch> next = queue.poll();
                    if (next == null) {
                        flush();
                        next = queue.take();
                    }
                    if (next == END) {
                        flush();
                        return;
                    }
                    Batch batch;
                    try {
                        if (!next.isDone() || !next.join().settled()) {
                            flush();
                        }
                        batch = next.join();
                    } catch (CompletionException e) {
                        // A bug in judging (each request's own failure is caught and answered BH):
                        // reported, and the batches after it still answered.
                        log.accept("squid-helper: a batch of requests could not be judged: " + e.getCause());
                        continue;
                    }
                    String[] replies = batch.settle();
                    if (failure == null) {
                        try {
                            for (int i = 0; i < batch.size(); i++) {
                                writer.write(batch.ids[i], replies[i]);
                            }
                        } catch (IOException e) {
                            fail(e);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void flush() {
            if (failure == null) {
                try {
                    writer.flush();
                } catch (IOException e) {
                    fail(e);
                }
            }
        }

        /** Remembers the failure for the reader, and goes on taking batches so that it never waits for room. */
        private void fail(IOException e) {
            failure = e;
            log.accept("squid-helper: cannot write reply: " + e.getMessage());
        }
    }

    /**
     * Judges one request line and gives {@code batch} its log entry.
     *
     * @return the reply, without the channel ID (the writer echoes it from the line) or newline
     */
    private String answer(byte[] bytes, boolean truncated, Batch batch) {
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
            return refused("internal error");
        }
        requests.incrementAndGet();
        batch.decided(logEntry(request, decision, now));
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
            // A url_rewrite reply cannot refuse a request, and Squid serves the original after a BH
            // (and its two retries), as after squidGuard's empty line. The parser refuses a pass list
            // that blocks with no redirect anywhere, but a URL that cannot be read is blocked whatever
            // the pass list, with only the acl's or default's redirect, so this is reached.
            return "OK status=302 url=" + quote(NOWHERE);
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
        return refused(reason);
    }

    /** The reply that refuses a request the helper could not judge; see the class comment for why it differs by protocol. */
    private String refused(String reason) {
        return protocol == Protocol.URL_REWRITE ? "OK status=302 url=" + quote(NOWHERE) : "BH message=" + quote(reason);
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

    /** Buffered UTF-8 output of whole reply lines; used by the replier's thread alone. */
    private static final class Writer {
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int length;
        /** Whether anything was written since the last flush, so an idle flush costs nothing. */
        private boolean written;

        Writer(OutputStream out) {
            this.out = out;
        }

        /**
         * @param id the request's channel ID, which starts the reply, or {@code null}
         * @param reply the reply to it, without channel ID
         */
        void write(byte[] id, String reply) throws IOException {
            if (id != null) {
                put(id, id.length);
                put(SPACE, 1);
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            put(bytes, bytes.length);
            put(NEWLINE, 1);
            written = true;
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
            if (!written) {
                return;
            }
            if (length > 0) {
                out.write(buffer, 0, length);
                length = 0;
            }
            out.flush();
            written = false;
        }
    }

    @Override
    public String toString() {
        Counters c = counters();
        return String.format(Locale.ROOT,
                "SquidHelper[%s, %d requests, %d passed, %d blocked (%d unreadable URLs), %d bad lines, %d errors, "
                        + "%d not logged]",
                protocol, c.requests(), c.passed(), c.blocked(), c.invalidUrls(), c.badLines(), c.errors(),
                c.unlogged());
    }
}
