package org.lantern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.filter.log.DecisionLogReader;
import org.lantern.filter.log.LogEntry;

/**
 * {@code lantern squid-helper} killed with SIGKILL while Squid streams requests at it: every
 * request it had answered must already be in the decision log on disk. The helper is a child JVM
 * fed as fast as the pipe takes lines, each with a URL of its own (and, with concurrency, a channel
 * ID of its own, so a reply names its request); the kill comes a random moment after the first
 * few thousand replies, while lines are still pouring in and decisions still queueing for the log.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SquidHelperKillTest {

    /** More than the helper can answer before the kill, so the kill always lands mid-stream. */
    private static final int LINES = 2_000_000;

    @TempDir
    Path dir;

    static Stream<Arguments> trials() {
        return Stream.of(1, 8).flatMap(concurrency -> IntStream.rangeClosed(1, 3)
                .mapToObj(trial -> Arguments.of(concurrency, trial)));
    }

    @ParameterizedTest(name = "concurrency {0}, trial {1}")
    @MethodSource("trials")
    void everyRequestAnsweredBeforeAKillIsInTheDecisionLogOnDisk(int concurrency, int trial) throws Exception {
        Path logdir = dir.resolve("log");
        Process helper = start(concurrency, logdir);
        try {
            Thread squid = Thread.ofPlatform().daemon().start(() -> feed(helper.getOutputStream(), concurrency > 1));
            BitSet answered = new BitSet();
            int killAfter = 5_000 + (int) (Math.random() * 20_000);
            try (BufferedReader replies = new BufferedReader(
                    new InputStreamReader(helper.getInputStream(), StandardCharsets.UTF_8))) {
                String reply;
                int count = 0;
                while (count < killAfter && (reply = replies.readLine()) != null) {
                    answered.set(concurrency > 1 ? Integer.parseInt(reply.substring(0, reply.indexOf(' '))) : count);
                    count++;
                }
                // SIGKILL through the process handle, which (unlike Process.destroyForcibly) leaves our
                // end of the pipes open: replies already in the pipe were answered too.
                helper.toHandle().destroyForcibly();
                while ((reply = replies.readLine()) != null) {
                    answered.set(concurrency > 1 ? Integer.parseInt(reply.substring(0, reply.indexOf(' '))) : count);
                    count++;
                }
            }
            assertThat(helper.waitFor(60, TimeUnit.SECONDS)).as("helper killed").isTrue();
            squid.join(60_000);
            assertThat(answered.cardinality()).as("answered before the kill, of %d sent", LINES)
                    .isGreaterThanOrEqualTo(killAfter).isLessThan(LINES);

            Set<String> logged;
            try (Stream<LogEntry> entries = new DecisionLogReader(logdir).entries()) {
                logged = entries.map(LogEntry::url).collect(Collectors.toSet());
            }
            List<Integer> lost = answered.stream().filter(i -> !logged.contains(url(i))).boxed().toList();
            assertThat(lost.size()).as("requests answered but not on disk (of %d answered, %d logged), first: %s",
                    answered.cardinality(), logged.size(), lost.stream().limit(10).toList()).isZero();
        } finally {
            helper.destroyForcibly();
        }
    }

    private Process start(int concurrency, Path logdir) throws IOException {
        Files.createDirectories(dir.resolve("db/bad"));
        Files.writeString(dir.resolve("db/bad/domains"), "bad.example\n");
        Path conf = Files.writeString(dir.resolve("squidGuard.conf"), """
                dbhome %s
                dest bad {
                  domainlist bad/domains
                }
                acl {
                  default {
                    pass !bad all
                    redirect http://blocked.example/?u=%%u
                  }
                }
                """.formatted(dir.resolve("db")));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LanternCommand.class.getName(),
                "squid-helper", "--squidguard-conf", conf.toString(), "--decision-log", logdir.toString(),
                "--warm-up", "0", "--reload-interval", "0", "--concurrency", Integer.toString(concurrency))
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    /** Writes request lines until they are all sent or the helper is gone. */
    private static void feed(OutputStream helper, boolean channelIds) {
        try (OutputStream out = new BufferedOutputStream(helper, 1 << 16)) {
            for (int i = 0; i < LINES; i++) {
                String line = (channelIds ? i + " " : "") + url(i) + " 10.9.0.1/- - GET\n";
                out.write(line.getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            // The helper was killed: the pipe is broken, which is the point.
        }
    }

    /** Every tenth request is for a listed host, so blocks are logged as well as passes. */
    private static String url(int i) {
        return "http://" + (i % 10 == 0 ? "bad" : "fine") + ".example/" + i;
    }
}
