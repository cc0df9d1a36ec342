package org.lantern.proxy.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.proxy.fuzz.Mutations.insert;
import static org.lantern.proxy.fuzz.Mutations.printable;
import static org.lantern.proxy.fuzz.Mutations.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.proxy.squidguard.SquidGuardConfParser;
import org.lantern.proxy.squidguard.SquidGuardPolicy;

/**
 * Garbage on the squid helper's line protocol: random bytes, very long lines, invalid UTF-8, NUL
 * and control bytes, stray quotes and channel IDs. Squid restarts a helper that dies and queues
 * every request behind one that stops answering, and a reply it cannot parse (a raw control byte,
 * a second line) shifts every later answer onto the wrong request. So every line, whatever it
 * holds, must get exactly one well-formed reply line ({@code OK}, {@code ERR} or {@code BH}, with
 * its channel ID when it had one), and a real request after each must still be judged right, with
 * and without concurrency. Seeded, so a failure names a case that can be replayed.
 */
class SquidHelperFuzzTest {

    private static final long SEED = 0x5EED5A1DL;
    private static final int CASES = 200;
    private static final String BLOCKED = "http://bad.example/x 10.9.0.1/- - GET";
    /** One reply: an optional channel ID, a result, then only printable key=value text (never a control byte). */
    private static final Pattern REPLY = Pattern.compile("^(?:(\\d+) )?(OK|ERR|BH)(?: [^\\x00-\\x1f\\x7f]*)?$");

    @TempDir
    Path db;

    @ParameterizedTest(name = "{0}, concurrency {1}")
    @CsvSource({"URL_REWRITE, 1", "URL_REWRITE, 4", "EXTERNAL_ACL, 1", "EXTERNAL_ACL, 4"})
    void everyLineGetsOneWellFormedReplyAndARealRequestAfterItIsStillJudged(SquidHelper.Protocol protocol,
            int concurrency) throws Exception {
        SquidGuardPolicy policy = policy();
        SquidHelper helper = new SquidHelper(() -> policy, protocol, Clock.fixed(Instant.parse("2025-01-06T10:00:00Z"),
                ZoneOffset.UTC), line -> { }, entries -> CompletableFuture.completedFuture(null));
        String blockedReply = helper.answer(BLOCKED);
        assertThat(blockedReply).startsWith(protocol == SquidHelper.Protocol.URL_REWRITE ? "OK " : "ERR ");
        List<byte[]> cases = cases();

        // Each case with channel ID 2i (Squid's concurrency framing) and a real request with 2i+1,
        // so replies that come back out of order are still matched to their lines.
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (int i = 0; i < cases.size(); i++) {
            in.writeBytes(((2 * i) + " ").getBytes(StandardCharsets.US_ASCII));
            in.writeBytes(cases.get(i));
            in.writeBytes(("\n" + (2 * i + 1) + " " + BLOCKED + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        helper.serve(new ByteArrayInputStream(in.toByteArray()), out, concurrency);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).as("one reply line per request line, then the final newline").hasSize(2 * cases.size() + 1);
        assertThat(lines[lines.length - 1]).isEmpty();
        Map<Integer, String> replies = new HashMap<>();
        for (int l = 0; l < lines.length - 1; l++) {
            Matcher reply = REPLY.matcher(lines[l]);
            assertThat(reply.matches()).as("well-formed reply: %s", lines[l]).isTrue();
            assertThat(reply.group(1)).as("channel ID on %s", lines[l]).isNotNull();
            assertThat(replies.put(Integer.parseInt(reply.group(1)), lines[l])).as("second reply: %s", lines[l]).isNull();
        }
        for (int i = 0; i < cases.size(); i++) {
            assertThat(replies.get(2 * i + 1)).as("real request after case %d: %s", i, printable(cases.get(i)))
                    .isEqualTo((2 * i + 1) + " " + blockedReply);
        }
        assertThat(helper.counters().errors()).as("evaluations that threw").isZero();
    }

    private SquidGuardPolicy policy() throws Exception {
        Files.createDirectories(db.resolve("bad"));
        Files.writeString(db.resolve("bad/domains"), "bad.example\n");
        String conf = "dbhome " + db + "\ndest bad {\n domainlist bad/domains\n}\n"
                + "acl {\n default {\n pass !bad all\n redirect 302:http://lantern.school/blocked?url=%u&c=%t&u=%i\n }\n}\n";
        return SquidGuardPolicy.load(new SquidGuardConfParser().parse(conf, "t.conf"), line -> { });
    }

    /** Lines Squid really sends, for the mutations to start from. */
    private static final List<String> SEEDS = List.of(
            "http://bad.example/x 10.9.0.1/pc.school bob GET",
            "http://fine.example/a?b=c 10.9.0.1/- - POST",
            "bad.example:443 10.9.0.1/- - CONNECT",
            "http://[::1]:8080/ ::1/- %E2%9C%93 GET");

    static List<byte[]> cases() {
        Random random = new Random(SEED);
        List<byte[]> cases = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            byte[] line = SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                line = mutate(line, random);
            }
            cases.add(withoutNewlines(line));
        }
        return cases;
    }

    private static byte[] mutate(byte[] line, Random random) {
        String text = new String(line, StandardCharsets.UTF_8);
        return switch (random.nextInt(10)) {
            case 0 -> java.util.Arrays.copyOf(line, random.nextInt(line.length + 1));
            case 1 -> insert(line, random, randomBytes(random, 1 + random.nextInt(6), 0x80, 0x100));
            case 2 -> insert(line, random, new byte[] {0, '\r', 0x1b, 0x7f});
            case 3 -> insert(line, random, "x".repeat(SquidHelper.MAX_LINE_BYTES - 100 + random.nextInt(200))
                    .getBytes(StandardCharsets.US_ASCII));
            case 4 -> insert(line, random, "\" \\ \"\\\"".getBytes(StandardCharsets.US_ASCII));
            case 5 -> (random.nextInt(100_000) + " " + text).getBytes(StandardCharsets.UTF_8);
            case 6 -> text.replace(' ', random.nextBoolean() ? '\t' : '\u00a0').getBytes(StandardCharsets.UTF_8);
            case 7 -> randomBytes(random, random.nextInt(300), 0, 0x100);
            case 8 -> text.replaceFirst("bad\\.example", "bad.example\u0000evil\u202e").getBytes(StandardCharsets.UTF_8);
            default -> (text + " ".repeat(random.nextInt(5)) + "%00%0d%0a extra words").getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A newline would make one case two lines; Squid never sends one inside a request. */
    private static byte[] withoutNewlines(byte[] line) {
        byte[] out = line.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '\n') {
                out[i] = ' ';
            }
        }
        return out;
    }
}
