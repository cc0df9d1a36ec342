package org.lantern.proxy.helper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.log.DecisionLog;
import org.lantern.filter.log.DecisionLogReader;
import org.lantern.filter.log.LogEntry;
import org.lantern.proxy.block.BlockLinkSigner;
import org.lantern.proxy.squidguard.SquidGuardConfParser;
import org.lantern.proxy.squidguard.SquidGuardPolicy;

class SquidHelperTest {

    @TempDir
    Path db;

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final LocalDateTime MONDAY_10AM = LocalDateTime.of(2025, 1, 6, 10, 0);

    private SquidGuardPolicy policy;
    private final List<String> log = new ArrayList<>();
    private final List<LogEntry> decisions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void load() throws Exception {
        policy = policyBlocking("bad.example\n");
    }

    /** The test policy, with these lines in the {@code bad} destination's domains file. */
    private SquidGuardPolicy policyBlocking(String badDomains) throws Exception {
        Files.createDirectories(db.resolve("bad"));
        Files.writeString(db.resolve("bad/domains"), badDomains);
        String conf = "dbhome " + db + "\nsrc staff {\n ip 10.2.0.0/16\n}\ndest bad {\n domainlist bad/domains\n}\n"
                + "acl {\n staff {\n pass !bad all\n redirect 302:http://b/?u=%u&i=%i\n }\n"
                + " default {\n pass !bad all\n redirect http://b/?u=%u&s=%s\n }\n}\n";
        return SquidGuardPolicy.load(new SquidGuardConfParser().parse(conf, "t.conf"), line -> { });
    }

    private SquidHelper helper(SquidHelper.Protocol protocol) {
        return new SquidHelper(() -> policy, protocol, Clock.fixed(MONDAY_10AM.atZone(ZONE).toInstant(), ZONE), log::add,
                recordedIn(decisions));
    }

    private SquidHelper helperJudgingBy(Supplier<SquidGuardPolicy> policies) {
        return new SquidHelper(policies, SquidHelper.Protocol.URL_REWRITE,
                Clock.fixed(MONDAY_10AM.atZone(ZONE).toInstant(), ZONE), log::add, recordedIn(decisions));
    }

    private SquidHelper helperLoggingTo(SquidHelper.DecisionSink sink) {
        return new SquidHelper(() -> policy, SquidHelper.Protocol.URL_REWRITE,
                Clock.fixed(MONDAY_10AM.atZone(ZONE).toInstant(), ZONE), log::add, sink);
    }

    /** A sink that records each batch at once, in {@code recorded}. */
    private static SquidHelper.DecisionSink recordedIn(Collection<LogEntry> recorded) {
        return entries -> {
            recorded.addAll(entries);
            return CompletableFuture.completedFuture(null);
        };
    }

    /** Requests for {@code http://fine.example/0} onwards, with channel IDs 0 to 15 if asked. */
    private static byte[] fineRequests(int count, boolean channelIds) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < count; i++) {
            in.append(channelIds ? i % 16 + " " : "").append("http://fine.example/").append(i)
                    .append(" 10.9.0.1/- - GET\n");
        }
        return in.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String serve(SquidHelper helper, byte[] input, int concurrency) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        helper.serve(new ByteArrayInputStream(input), out, concurrency);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passedRequestGetsErrAsSquidGuardAnswers() throws Exception {
        assertThat(helper(SquidHelper.Protocol.URL_REWRITE).answer("http://fine.example/ 10.9.0.1/- - GET"))
                .isEqualTo("ERR");
    }

    @Test
    void blockedRequestGetsARewriteInSquidGuardsFormat() throws Exception {
        assertThat(helper(SquidHelper.Protocol.URL_REWRITE).answer("http://bad.example/x 10.9.0.1/- - GET"))
                .isEqualTo("OK rewrite-url=\"http://b/?u=http://bad.example/x&s=default\"");
    }

    @Test
    void statusRedirectGetsStatusAndUrl() throws Exception {
        assertThat(helper(SquidHelper.Protocol.URL_REWRITE).answer("http://bad.example/ 10.2.0.1/pc.school bob GET"))
                .isEqualTo("OK status=302 url=\"http://b/?u=http://bad.example/&i=bob\"");
    }

    @Test
    void redirectsToLanternsBlockPageAreSignedWhenAKeyIsGivenAndOthersAreNot() throws Exception {
        Files.createDirectories(db.resolve("bad"));
        Files.writeString(db.resolve("bad/domains"), "bad.example\n");
        String conf = "dbhome " + db + "\ndest bad {\n domainlist bad/domains\n}\nacl {\n default {\n pass !bad all\n"
                + " redirect 302:http://lantern.school/blocked?url=%u&category=%t\n }\n}\n";
        policy = SquidGuardPolicy.load(new SquidGuardConfParser().parse(conf, "t.conf"), line -> { });
        BlockLinkSigner signer = new BlockLinkSigner(new byte[32]);
        Instant now = MONDAY_10AM.atZone(ZONE).toInstant();
        SquidHelper signing = new SquidHelper(() -> policy, SquidHelper.Protocol.URL_REWRITE, Clock.fixed(now, ZONE),
                log::add, recordedIn(decisions), signer);

        String reply = signing.answer("http://bad.example/x 10.9.0.1/- - GET");
        String query = reply.replaceAll("^OK status=302 url=\"http://lantern\\.school/blocked\\?(.*)\"$", "$1");

        assertThat(signer.verify(query, now)).contains("url=http://bad.example/x&category=bad");
        assertThat(helper(SquidHelper.Protocol.URL_REWRITE).answer("http://bad.example/x 10.9.0.1/- - GET"))
                .isEqualTo("OK status=302 url=\"http://lantern.school/blocked?url=http://bad.example/x&category=bad\"");
    }

    @Test
    void policySwappedInBetweenTwoLinesJudgesTheSecond() throws Exception {
        AtomicReference<SquidGuardPolicy> inForce = new AtomicReference<>(policy);
        SquidHelper h = helperJudgingBy(inForce::get);
        assertThat(h.answer("http://worse.example/ 10.9.0.1/- - GET")).isEqualTo("ERR");

        inForce.set(policyBlocking("bad.example\nworse.example\n"));

        assertThat(h.answer("http://worse.example/ 10.9.0.1/- - GET"))
                .isEqualTo("OK rewrite-url=\"http://b/?u=http://worse.example/&s=default\"");
    }

    @Test
    void eachRequestReadsThePolicyInForceOnceSoOneRequestIsJudgedByOnePolicy() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        SquidHelper h = helperJudgingBy(() -> {
            reads.incrementAndGet();
            return policy;
        });

        serve(h, fineRequests(1000, true), 4);

        assertThat(reads).hasValue(1000);
    }

    @Test
    void channelIdIsEchoedOnEveryReply() throws Exception {
        SquidHelper h = helper(SquidHelper.Protocol.URL_REWRITE);
        assertThat(h.answer("7 http://fine.example/ 10.9.0.1/- - GET")).isEqualTo("7 ERR");
        assertThat(h.answer("12 http://bad.example/ 10.9.0.1/- - GET myip=1.2.3.4 myport=3128"))
                .startsWith("12 OK rewrite-url=");
        assertThat(h.answer("3 garbage")).isEqualTo("3 OK status=302 url=\"http://blocked.lantern.invalid/\"");
    }

    @Test
    void externalAclAnswersOkToPassAndErrWithMessageAndUrlToBlock() throws Exception {
        SquidHelper h = helper(SquidHelper.Protocol.EXTERNAL_ACL);
        assertThat(h.answer("http://fine.example/ 10.9.0.1 - GET")).isEqualTo("OK");
        assertThat(h.answer("4 http://bad.example/ 10.9.0.1 -")).isEqualTo(
                "4 ERR message=\"blocked by Lantern: bad (default)\" url=\"http://b/?u=http://bad.example/&s=default\"");
    }

    /**
     * The parser refuses a {@code !dest} with no redirect anywhere, but a URL that cannot be read
     * is blocked by whatever pass list, with the acl's or default's redirect, and a conf whose only
     * redirects are on its dests has none for it. Squid serves a request whose url_rewrite helper
     * answers BH (after two retries), so such a block must still send the browser elsewhere.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        URL_REWRITE  | http://www.a.1/x    | OK status=302 url="http://blocked.lantern.invalid/"
        URL_REWRITE  | http://bad.example/ | OK rewrite-url="http://b/bad"
        URL_REWRITE  | http://fine.example/ | ERR
        EXTERNAL_ACL | http://www.a.1/x    | ERR message="blocked by Lantern: lantern-invalid-url (default)"
        EXTERNAL_ACL | http://bad.example/ | ERR message="blocked by Lantern: bad (default)" url="http://b/bad"
        EXTERNAL_ACL | http://fine.example/ | OK
        """)
    void aBlockWithNoRedirectConfiguredIsNeverAnsweredBh(SquidHelper.Protocol protocol, String url, String reply)
            throws Exception {
        Files.createDirectories(db.resolve("bad"));
        Files.writeString(db.resolve("bad/domains"), "bad.example\n");
        policy = SquidGuardPolicy.load(new SquidGuardConfParser().parse("dbhome " + db + "\ndest bad {\n"
                + " domainlist bad/domains\n redirect http://b/bad\n}\nacl {\n default {\n pass !bad all\n }\n}\n",
                "t.conf"), line -> { });

        assertThat(helper(protocol).answer(url + " 10.9.0.1/- - GET")).isEqualTo(reply);
    }

    @Test
    void quotesAndBackslashesInTheRedirectAreEscaped() throws Exception {
        assertThat(helper(SquidHelper.Protocol.URL_REWRITE).answer("http://bad.example/\"\\ 10.9.0.1/- - GET"))
                .isEqualTo("OK rewrite-url=\"http://b/?u=http://bad.example/\\\"\\\\&s=default\"");
    }

    /**
     * A line that cannot be judged is refused, never passed: Squid denies on an external_acl BH,
     * but serves a url_rewrite request unchanged after a BH and its retries, so there the refusal
     * is a redirect to nowhere. Otherwise a line made unreadable on purpose would get round the filter.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        URL_REWRITE  | OK status=302 url="http://blocked.lantern.invalid/" | OK status=302 url="http://blocked.lantern.invalid/" | OK status=302 url="http://blocked.lantern.invalid/" | ERR
        EXTERNAL_ACL | BH message="empty request line"                   | BH message="request line longer than 65536 bytes" | BH message="request line is not valid UTF-8" | OK
        """)
    void badLinesAreRefusedCountedAndLoggedAndServiceContinues(SquidHelper.Protocol protocol, String empty,
            String tooLong, String notUtf8, String fine) throws Exception {
        SquidHelper h = helper(protocol);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("5 ".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("x".repeat(100 * 1024).getBytes(StandardCharsets.UTF_8));
        in.writeBytes("\n9 http://b\u00e9d.example/ 10.9.0.1/- - GET\n".getBytes(StandardCharsets.ISO_8859_1));
        in.writeBytes("http://fine.example/ 10.9.0.1/- - GET\n".getBytes(StandardCharsets.UTF_8));
        assertThat(serve(h, in.toByteArray(), 1).split("\n")).containsExactly(empty, "5 " + tooLong, "9 " + notUtf8, fine);
        assertThat(h.counters().badLines()).isEqualTo(3);
        assertThat(h.counters().requests()).isEqualTo(1);
        assertThat(log).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        URL_REWRITE  | 4 OK status=302 url="http://blocked.lantern.invalid/"
        EXTERNAL_ACL | 4 BH message="internal error"
        """)
    void aRequestWhoseJudgingFailsIsRefusedAndServiceContinues(SquidHelper.Protocol protocol, String refused)
            throws Exception {
        SquidHelper h = new SquidHelper(() -> { throw new IllegalStateException("policy broken"); }, protocol,
                Clock.fixed(MONDAY_10AM.atZone(ZONE).toInstant(), ZONE), log::add, entries -> CompletableFuture.completedFuture(null));

        assertThat(h.answer("4 http://fine.example/ 10.9.0.1/- - GET")).isEqualTo(refused);
        assertThat(h.counters().errors()).isEqualTo(1);
        assertThat(log).anySatisfy(line -> assertThat(line).contains("evaluation failed", "policy broken"));
    }

    @Test
    void crlfLineEndingsAndAFinalLineWithoutNewlineAreRead() throws Exception {
        String out = serve(helper(SquidHelper.Protocol.URL_REWRITE),
                "http://fine.example/ 10.9.0.1/- - GET\r\nhttp://fine.example/ 10.9.0.1/- - GET".getBytes(StandardCharsets.UTF_8), 1);
        assertThat(out).isEqualTo("ERR\nERR\n");
    }

    @Test
    void concurrentRequestsAreAllAnsweredOnceEachWithTheirChannelId() throws Exception {
        StringBuilder in = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            boolean bad = i % 3 == 0;
            in.append(i).append(bad ? " http://bad.example/ " : " http://fine.example/ ").append("10.9.0.1/- - GET\n");
            expected.add(i + (bad ? " OK rewrite-url=\"http://b/?u=http://bad.example/&s=default\"" : " ERR"));
        }
        String out = serve(helper(SquidHelper.Protocol.URL_REWRITE), in.toString().getBytes(StandardCharsets.UTF_8), 8);
        assertThat(out.split("\n")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void eachReplyIsFlushedBeforeTheHelperWaitsForMoreInput() throws Exception {
        PipedOutputStream squid = new PipedOutputStream();
        PipedInputStream helperIn = new PipedInputStream(squid, 1 << 16);
        PipedInputStream squidIn = new PipedInputStream(1 << 16);
        PipedOutputStream helperOut = new PipedOutputStream(squidIn);
        SquidHelper h = helper(SquidHelper.Protocol.URL_REWRITE);
        Thread server = new Thread(() -> {
            try (helperOut) {
                h.serve(helperIn, helperOut, 4);
            } catch (Exception e) {
                log.add("serve failed: " + e);
            }
        });
        server.start();
        BufferedReader replies = new BufferedReader(new InputStreamReader(squidIn, StandardCharsets.UTF_8));

        // One request at a time, as a quiet Squid sends them: each reply must arrive unprompted.
        squid.write("1 http://bad.example/ 10.9.0.1/- - GET\n".getBytes(StandardCharsets.UTF_8));
        squid.flush();
        assertThat(replies.readLine()).isEqualTo("1 OK rewrite-url=\"http://b/?u=http://bad.example/&s=default\"");
        // Then a burst, handed over as one batch: all of it is answered before more input comes.
        StringBuilder burst = new StringBuilder();
        for (int i = 2; i < 12; i++) {
            burst.append(i).append(" http://fine.example/ 10.9.0.1/- - GET\n");
        }
        squid.write(burst.toString().getBytes(StandardCharsets.UTF_8));
        squid.flush();
        List<String> got = new ArrayList<>();
        for (int i = 2; i < 12; i++) {
            got.add(replies.readLine());
        }
        assertThat(got).containsExactlyInAnyOrder(
                "2 ERR", "3 ERR", "4 ERR", "5 ERR", "6 ERR", "7 ERR", "8 ERR", "9 ERR", "10 ERR", "11 ERR");
        squid.close();
        server.join(10_000);
        assertThat(replies.readLine()).isNull();
        assertThat(log).isEmpty();
    }

    @Test
    void linesWithoutChannelIdAreAnsweredInOrderEvenWithConcurrency() throws Exception {
        String out = serve(helper(SquidHelper.Protocol.URL_REWRITE),
                ("http://bad.example/ 10.9.0.1/- - GET\nhttp://fine.example/ 10.9.0.1/- - GET\n").getBytes(StandardCharsets.UTF_8), 4);
        assertThat(out.split("\n")).containsExactly(
                "OK rewrite-url=\"http://b/?u=http://bad.example/&s=default\"", "ERR");
    }

    @Test
    void everyJudgedRequestIsWrittenToTheDecisionLogWithWhoWhenWhatAndWhy(@TempDir Path logs) throws Exception {
        DecisionLog decisionLog = DecisionLog.open(logs);
        SquidHelper h = new SquidHelper(() -> policy, SquidHelper.Protocol.URL_REWRITE,
                Clock.fixed(MONDAY_10AM.atZone(ZONE).toInstant(), ZONE), log::add, decisionLog::appendAll);
        serve(h, ("http://www.bad.example/x 10.2.0.9/- alice GET\n"
                + "http://fine.example/ 10.9.0.1/- - GET\n"
                + "\n").getBytes(StandardCharsets.UTF_8), 1);
        decisionLog.close();

        List<LogEntry> written;
        try (var entries = new DecisionLogReader(logs).entries()) {
            written = entries.toList();
        }
        assertThat(written).hasSize(2);
        LogEntry blocked = written.get(0);
        assertThat(blocked.time()).isEqualTo(Instant.parse("2025-01-06T10:00:00Z"));
        assertThat(blocked.user()).isEqualTo("alice");
        assertThat(blocked.clientIp()).isEqualTo("10.2.0.9");
        assertThat(blocked.url()).isEqualTo("http://www.bad.example/x");
        assertThat(blocked.category()).isEqualTo("bad");
        assertThat(blocked.action()).isEqualTo(Action.BLOCK);
        assertThat(blocked.rule()).isEqualTo(Rule.POLICY);
        assertThat(blocked.groupId()).isEqualTo("staff");
        assertThat(blocked.entry()).isEqualTo("bad.example");
        LogEntry passed = written.get(1);
        assertThat(passed.user()).isNull();
        assertThat(passed.clientIp()).isEqualTo("10.9.0.1");
        assertThat(passed.url()).isEqualTo("http://fine.example/");
        assertThat(passed.category()).isNull();
        assertThat(passed.action()).isEqualTo(Action.ALLOW);
        assertThat(passed.rule()).isEqualTo(Rule.NO_MATCH);
    }

    @Test
    void concurrentRequestsAreEachLoggedOnce() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            in.append(i % 16).append(' ').append(i % 2 == 0 ? "http://bad.example/" : "http://fine.example/")
                    .append(i).append(" 10.9.0.1/- - GET\n");
        }
        serve(helper(SquidHelper.Protocol.URL_REWRITE), in.toString().getBytes(StandardCharsets.UTF_8), 8);

        assertThat(decisions).hasSize(500);
        assertThat(decisions).filteredOn(e -> e.action() == Action.BLOCK).hasSize(250);
    }

    @Test
    void sequentialEntriesAreHandedToTheSinkInOrderInBatchesOfAtMost256() throws Exception {
        List<List<LogEntry>> handedOver = new CopyOnWriteArrayList<>();
        SquidHelper h = helperLoggingTo(entries -> {
            handedOver.add(entries);
            return CompletableFuture.completedFuture(null);
        });

        serve(h, fineRequests(1000, false), 1);

        assertThat(handedOver).hasSizeBetween(4, 10).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(256));
        assertThat(handedOver.stream().flatMap(List::stream).map(LogEntry::url).toList())
                .isEqualTo(IntStream.range(0, 1000).mapToObj(i -> "http://fine.example/" + i).toList());
    }

    @Test
    void concurrentEntriesAreHandedToTheSinkABatchAtATime() throws Exception {
        List<List<LogEntry>> handedOver = new CopyOnWriteArrayList<>();
        SquidHelper h = helperLoggingTo(entries -> {
            handedOver.add(entries);
            return CompletableFuture.completedFuture(null);
        });

        serve(h, fineRequests(1000, true), 8);

        assertThat(handedOver).hasSizeBetween(4, 10).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(256));
        assertThat(handedOver.stream().mapToInt(List::size).sum()).isEqualTo(1000);
    }

    @Test
    void entriesAreHandedToTheSinkBeforeTheHelperWaitsForMoreInput() throws Exception {
        BlockingQueue<LogEntry> handedOver = new LinkedBlockingQueue<>();
        SquidHelper h = helperLoggingTo(recordedIn(handedOver));
        PipedOutputStream squid = new PipedOutputStream();
        PipedInputStream helperIn = new PipedInputStream(squid, 1 << 16);
        Thread server = new Thread(() -> {
            try {
                h.serve(helperIn, OutputStream.nullOutputStream(), 1);
            } catch (Exception e) {
                log.add("serve failed: " + e);
            }
        });
        server.start();

        // Squid sends one request and waits for its reply: the entry must not wait for a second request.
        squid.write("http://bad.example/ 10.9.0.1/- - GET\n".getBytes(StandardCharsets.UTF_8));
        squid.flush();
        LogEntry first = handedOver.poll(10, TimeUnit.SECONDS);

        squid.close();
        server.join(10_000);
        assertThat(first).isNotNull().extracting(LogEntry::url).isEqualTo("http://bad.example/");
        assertThat(log).isEmpty();
    }

    /** A helper serving on a thread of its own over pipes, as Squid drives it. */
    private record Serving(OutputStream squid, PipedInputStream squidIn, BufferedReader replies, Thread server) {
        void send(String line) throws Exception {
            squid.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            squid.flush();
        }

        /** @return whether no reply arrives within a fifth of a second */
        boolean silent() throws Exception {
            Thread.sleep(200);
            return squidIn.available() == 0;
        }

        void stop() throws Exception {
            squid.close();
            server.join(10_000);
        }
    }

    private Serving serving(SquidHelper h, int concurrency) throws Exception {
        PipedOutputStream squid = new PipedOutputStream();
        PipedInputStream helperIn = new PipedInputStream(squid, 1 << 16);
        PipedInputStream squidIn = new PipedInputStream(1 << 16);
        PipedOutputStream helperOut = new PipedOutputStream(squidIn);
        Thread server = new Thread(() -> {
            try (helperOut) {
                h.serve(helperIn, helperOut, concurrency);
            } catch (Exception e) {
                log.add("serve failed: " + e);
            }
        });
        server.start();
        return new Serving(squid, squidIn, new BufferedReader(new InputStreamReader(squidIn, StandardCharsets.UTF_8)),
                server);
    }

    /** A sink whose batches are recorded only when the test completes their futures. */
    private static SquidHelper.DecisionSink heldIn(BlockingQueue<CompletableFuture<Void>> held) {
        return entries -> {
            CompletableFuture<Void> recorded = new CompletableFuture<>();
            held.add(recorded);
            return recorded;
        };
    }

    @ParameterizedTest(name = "concurrency {0}")
    @ValueSource(ints = {1, 8})
    void noReplyIsWrittenBeforeItsDecisionIsRecorded(int concurrency) throws Exception {
        BlockingQueue<CompletableFuture<Void>> held = new LinkedBlockingQueue<>();
        Serving squid = serving(helperLoggingTo(heldIn(held)), concurrency);

        squid.send("5 http://bad.example/ 10.9.0.1/- - GET");
        CompletableFuture<Void> recorded = held.poll(10, TimeUnit.SECONDS);

        assertThat(recorded).as("the decision was handed to the sink").isNotNull();
        assertThat(squid.silent()).as("no reply while the decision is not on record").isTrue();
        recorded.complete(null);
        assertThat(squid.replies().readLine()).isEqualTo("5 OK rewrite-url=\"http://b/?u=http://bad.example/&s=default\"");
        squid.stop();
        assertThat(log).isEmpty();
    }

    @ParameterizedTest(name = "concurrency {0}")
    @ValueSource(ints = {1, 8})
    void repliesKeepTheOrderReadWhenALaterBatchIsRecordedFirst(int concurrency) throws Exception {
        BlockingQueue<CompletableFuture<Void>> held = new LinkedBlockingQueue<>();
        Serving squid = serving(helperLoggingTo(heldIn(held)), concurrency);

        squid.send("http://fine.example/first 10.9.0.1/- - GET");
        CompletableFuture<Void> first = held.poll(10, TimeUnit.SECONDS);
        squid.send("http://bad.example/second 10.9.0.1/- - GET");
        CompletableFuture<Void> second = held.poll(10, TimeUnit.SECONDS);
        second.complete(null);

        assertThat(squid.silent()).as("the second reply waits for the first").isTrue();
        first.complete(null);
        assertThat(squid.replies().readLine()).isEqualTo("ERR");
        assertThat(squid.replies().readLine()).startsWith("OK rewrite-url=");
        squid.stop();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "URL_REWRITE  | BH message=\"decision not logged: queue full\" | OK rewrite-url=\"http://b/?u=http://bad.example/&s=default\" | OK status=302 url=\"http://blocked.lantern.invalid/\"",
        "EXTERNAL_ACL | BH message=\"decision not logged: queue full\" | ERR message=\"blocked by Lantern: bad (default)\" url=\"http://b/?u=http://bad.example/&s=default\" | BH message=\"expected URL and client address\""})
    void whenADecisionCannotBeLoggedAPassIsAnsweredBhAndABlockStillBlocks(SquidHelper.Protocol protocol, String pass,
            String block, String badLine) throws Exception {
        SquidHelper h = new SquidHelper(() -> policy, protocol, Clock.fixed(MONDAY_10AM.atZone(ZONE).toInstant(), ZONE),
                log::add, entries -> CompletableFuture.failedFuture(new RejectedExecutionException("queue full")));

        String out = serve(h, "http://fine.example/ 10.9.0.1/- - GET\nhttp://bad.example/ 10.9.0.1/- - GET\nx\n"
                .getBytes(StandardCharsets.UTF_8), 1);

        assertThat(out.split("\n")).containsExactly(pass, block, badLine);
        assertThat(h.counters().unlogged()).isEqualTo(2);
        assertThat(log).anySatisfy(line -> assertThat(line).contains("2 decisions not logged", "queue full"));
    }

    @Test
    void lineWhoseUrlCannotBeReadIsBlockedCountedAndLoggedWithTheUrlAsSent() throws Exception {
        SquidHelper h = helper(SquidHelper.Protocol.URL_REWRITE);
        String reply = h.answer("http://www.a.1/x 10.9.0.1/- - GET");

        assertThat(reply).startsWith("OK rewrite-url=\"http://b/?u=");
        assertThat(h.counters().invalidUrls()).isEqualTo(1);
        assertThat(decisions).singleElement().satisfies(e -> {
            assertThat(e.url()).isEqualTo("http://www.a.1/x");
            assertThat(e.category()).isEqualTo("lantern-invalid-url");
            assertThat(e.action()).isEqualTo(Action.BLOCK);
        });
    }

    @Test
    void badLinesAreNotDecisionsAndAreNotLogged() throws Exception {
        serve(helper(SquidHelper.Protocol.URL_REWRITE), "\nonlyoneword\n".getBytes(StandardCharsets.UTF_8), 1);

        assertThat(decisions).isEmpty();
    }

    @Test
    void channelIdIsDigitsFollowedBySpace() {
        assertThat(SquidHelper.channelIdLength("12 http://x/".getBytes(StandardCharsets.US_ASCII))).isEqualTo(2);
        assertThat(SquidHelper.channelIdLength("7".getBytes(StandardCharsets.US_ASCII))).isEqualTo(1);
        assertThat(SquidHelper.channelIdLength("12x http://x/".getBytes(StandardCharsets.US_ASCII))).isZero();
        assertThat(SquidHelper.channelIdLength("http://x/".getBytes(StandardCharsets.US_ASCII))).isZero();
    }
}
