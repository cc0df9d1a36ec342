package org.lantern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.log.DecisionLogReader;
import org.lantern.filter.log.LogEntry;

/**
 * {@code lantern squid-helper} as Squid runs it: a child JVM whose stdin and stdout are the
 * helper protocol's pipes. The command takes over the process's real stdout, so it is tested
 * from outside. A hung helper fails its test at the timeout rather than blocking the build, and
 * the child is killed after each test.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SquidHelperCommandTest {

    private static final String BLOCKED_FOR_STAFF = "OK status=302 url=\"http://blocked.example/?u=http://bad.example/x\"";
    private static final String BLOCKED_FOR_OTHERS =
            "OK rewrite-url=\"http://blocked.example/?u=http://bad.example/x&s=default\"";

    @TempDir
    Path dir;

    private Path conf;
    private Path logdir;
    private Path stderr;
    private Process helper;
    private OutputStream squid;
    private BufferedReader replies;

    @BeforeEach
    void writeSquidGuardConf() throws IOException {
        Files.createDirectories(dir.resolve("db/bad"));
        Files.writeString(dir.resolve("db/bad/domains"), "bad.example\n");
        logdir = dir.resolve("log");
        stderr = dir.resolve("stderr.txt");
        conf = dir.resolve("squidGuard.conf");
        Files.writeString(conf, """
                dbhome %s
                logdir %s
                src staff {
                  ip 10.2.0.0/16
                }
                dest bad {
                  domainlist bad/domains
                }
                acl {
                  staff {
                    pass !bad all
                    redirect 302:http://blocked.example/?u=%%u
                  }
                  default {
                    pass !bad all
                    redirect http://blocked.example/?u=%%u&s=%%s
                  }
                }
                """.formatted(dir.resolve("db"), logdir));
    }

    @AfterEach
    void killHelper() {
        if (helper != null) {
            helper.destroyForcibly();
        }
    }

    private void start(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LanternCommand.class.getName(),
                "squid-helper", "--squidguard-conf", conf.toString(), "--warm-up", "0"));
        command.addAll(List.of(options));
        helper = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        squid = helper.getOutputStream();
        replies = new BufferedReader(new InputStreamReader(helper.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends one line and waits for the reply to it, as Squid does with one request outstanding. */
    private String ask(String line) throws IOException {
        send(line);
        return replies.readLine();
    }

    private void send(String line) throws IOException {
        squid.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        squid.flush();
    }

    /** Waits for the helper to write a line containing {@code text} to stderr. */
    private void awaitStderr(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(stderr).contains(text)) {
            assertThat(System.nanoTime()).as("stderr shows '%s' within 60 s", text).isLessThan(deadline);
            assertThat(helper.isAlive()).as("helper still running").isTrue();
            Thread.sleep(50);
        }
    }

    /** Closes the helper's stdin, as Squid does on reconfigure, and returns its exit code. */
    private int closeInputAndWait() throws Exception {
        squid.close();
        assertThat(helper.waitFor(60, TimeUnit.SECONDS)).as("helper exited after end of input").isTrue();
        return helper.exitValue();
    }

    @Test
    void anAllowedUrlIsAnsweredErr() throws Exception {
        start();

        assertThat(ask("http://fine.example/ 10.9.0.1/- - GET")).isEqualTo("ERR");
    }

    @Test
    void aBlockedUrlIsRewrittenToThePlainRedirect() throws Exception {
        start();

        assertThat(ask("http://bad.example/x 10.9.0.1/- - GET")).isEqualTo(BLOCKED_FOR_OTHERS);
    }

    @Test
    void aBlockedUrlUnderAStatusRedirectIsAnsweredWithTheStatusAndUrl() throws Exception {
        start();

        assertThat(ask("http://bad.example/x 10.2.0.9/- - GET")).isEqualTo(BLOCKED_FOR_STAFF);
    }

    @Test
    void withConcurrencyEachReplyEchoesItsChannelId() throws Exception {
        start("--concurrency", "4");

        assertThat(ask("7 http://fine.example/ 10.9.0.1/- - GET")).isEqualTo("7 ERR");
        assertThat(ask("3 http://bad.example/x 10.9.0.1/- - GET")).isEqualTo("3 " + BLOCKED_FOR_OTHERS);
    }

    @Test
    void aLineThatIsNotARequestIsRefusedAndTheNextRequestStillIsAnswered() throws Exception {
        start();

        assertThat(ask("not-a-request")).isEqualTo("OK status=302 url=\"http://blocked.lantern.invalid/\"");
        assertThat(ask("http://fine.example/ 10.9.0.1/- - GET")).isEqualTo("ERR");
    }

    @Test
    void domainAddedToABlockedListIsBlockedOnceTheHelperHasReloadedItInTheBackground() throws Exception {
        start("--reload-interval", "1");
        assertThat(ask("http://worse.example/ 10.9.0.1/- - GET")).isEqualTo("ERR");
        // Written beside the list and moved over it, as a list download should be, so the helper
        // never reads half a file.
        Path update = Files.writeString(dir.resolve("db/bad/domains.new"), "bad.example\nworse.example\n");
        Files.move(update, dir.resolve("db/bad/domains"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);

        awaitStderr("lantern squid-helper: squidGuard rules and lists reloaded from " + conf);

        assertThat(ask("http://worse.example/ 10.9.0.1/- - GET"))
                .isEqualTo("OK rewrite-url=\"http://blocked.example/?u=http://worse.example/&s=default\"");
        assertThat(helper.isAlive()).as("the same helper answered, never restarted").isTrue();
    }

    /**
     * Squid serves a request its url_rewrite helper cannot redirect (it answers BH, and after two
     * retries Squid lets the request through), so a helper that would have to answer a block that
     * way does not start.
     */
    @Test
    void aHelperWithABlockThatHasNoRedirectRefusesToStartSayingWhatToAdd() throws Exception {
        Files.writeString(conf, Files.readString(conf).replace("redirect http://blocked.example/?u=%u&s=%s", ""));
        start();

        assertThat(helper.waitFor(60, TimeUnit.SECONDS)).as("helper exited").isTrue();
        assertThat(helper.exitValue()).isEqualTo(1);
        assertThat(replies.readLine()).isNull();
        assertThat(Files.readAllLines(stderr)).singleElement().asString().startsWith("lantern squid-helper: " + conf)
                .contains("acl 'default' can block but neither it nor 'default' has a redirect; add a redirect line");
    }

    /**
     * A URL that cannot be read is blocked whatever the pass list, with the acl's or default's
     * redirect; with redirects only on the dests it has none, and must still not be served.
     */
    @Test
    void anUnreadableUrlWithNoRedirectConfiguredIsRedirectedToAnAddressThatNeverResolves() throws Exception {
        Files.writeString(conf, Files.readString(conf)
                .replace("redirect http://blocked.example/?u=%u&s=%s", "")
                .replace("redirect 302:http://blocked.example/?u=%u", "")
                .replace("domainlist bad/domains", "domainlist bad/domains\n  redirect http://blocked.example/bad"));
        start();

        assertThat(ask("http://www.a.1/x 10.9.0.1/- - GET")).isEqualTo("OK status=302 url=\"http://blocked.lantern.invalid/\"");
        assertThat(ask("http://bad.example/x 10.9.0.1/- - GET")).isEqualTo("OK rewrite-url=\"http://blocked.example/bad\"");
        assertThat(ask("http://fine.example/ 10.9.0.1/- - GET")).isEqualTo("ERR");
    }

    @Test
    void aNegativeReloadIntervalIsRefusedWithAMessage() throws Exception {
        start("--reload-interval", "-1");

        assertThat(closeInputAndWait()).isEqualTo(2);
        assertThat(Files.readString(stderr)).contains("--reload-interval must be 0 or more seconds");
    }

    @Test
    void onlyRepliesAppearOnStdoutAndTheHelpersOwnMessagesGoToStderr() throws Exception {
        start();
        send("http://fine.example/ 10.9.0.1/- - GET");
        send("http://bad.example/x 10.2.0.9/- - GET");
        send("");

        assertThat(closeInputAndWait()).isZero();
        List<String> stdout = replies.lines().toList();
        assertThat(stdout).containsExactly("ERR", BLOCKED_FOR_STAFF, "OK status=302 url=\"http://blocked.lantern.invalid/\"");
        assertThat(Files.readString(stderr)).contains("lantern squid-helper: serving url-rewrite on stdin/stdout");
    }

    @Test
    void afterEndOfInputTheHelperExitsZeroWithOneLogLinePerJudgedRequest() throws Exception {
        start("--concurrency", "4");
        for (int i = 0; i < 20; i++) {
            send(i % 4 + " http://" + (i % 2 == 0 ? "bad" : "fine") + ".example/" + i + " 10.9.0.1/- - GET");
        }
        send("not-a-request");

        assertThat(closeInputAndWait()).isZero();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(logdir)) {
            for (Path file : files.toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        assertThat(lines).hasSize(20).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        DecisionLogReader reader = new DecisionLogReader(logdir);
        try (Stream<LogEntry> entries = reader.entries()) {
            assertThat(entries.map(LogEntry::url)).hasSize(20).contains("http://bad.example/0", "http://fine.example/19");
        }
        assertThat(reader.skipped()).isZero();
    }
}
