package org.lantern.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.log.DecisionLog;
import org.lantern.filter.log.LogEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code lantern activity import} and {@code ship} against a real running demo, as a network manager
 * runs them from another terminal: with an ingest-only token, no {@code --server} (the demo says
 * where it is), the same file twice, a log rotated under {@code --follow}, and a proxy's decision
 * log shipped twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityCommandTest {

    private static final Pattern LAST_LINE = Pattern.compile("imported (\\d+), duplicates (\\d+), bad (\\d+)");

    private final String dataDir = "target/activity-" + UUID.randomUUID();
    private String token;

    @BeforeAll
    void startTheDemoAndMakeAnIngestToken() throws IOException {
        RunningDemo.start(dataDir);
        token = RunningDemo.token(dataDir, "admin", "--scope", "ingest");
    }

    @AfterAll
    void stopTheDemo() {
        RunningDemo.stop();
    }

    private CliRun activity(String... args) {
        CliRun cli = new CliRun();
        List<String> all = new ArrayList<>(List.of("activity"));
        all.addAll(List.of(args));
        all.addAll(List.of("--token", token, "--data-dir", dataDir));
        // Options after the files are still options to picocli.
        cli.lantern(all.toArray(String[]::new));
        return cli;
    }

    private static long[] counts(CliRun cli) {
        List<String> lines = cli.out.toString().lines().toList();
        assertThat(lines).as(cli.err.toString()).isNotEmpty();
        Matcher m = LAST_LINE.matcher(lines.getLast());
        assertThat(m.matches()).as("last line: " + lines.getLast()).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    /** The shared Squid log beside the repository ({@code ../shared/data}); the test says loudly when it is missing. */
    private static Path squidLog() {
        Optional<Path> found = Optional.empty();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && found.isEmpty(); dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/squid-logs/squidview-example.log");
            found = Files.exists(candidate) ? Optional.of(candidate) : Optional.empty();
        }
        if (found.isEmpty()) {
            System.err.println("SKIPPED ActivityCommandTest: ../shared/data/squid-logs/squidview-example.log is absent");
        }
        assumeTrue(found.isPresent(), "../shared/data/squid-logs/squidview-example.log is absent");
        return found.get();
    }

    @Test
    void aSquidLogImportedTwiceIsStoredOnceAndTheSecondRunSaysWhereItResumed() throws Exception {
        Path log = squidLog();
        long lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream().filter(l -> !l.isBlank()).count();

        CliRun first = activity("import", log.toString());
        CliRun second = activity("import", log.toString());

        long[] once = counts(first);
        assertThat(once[0]).isPositive();
        assertThat(once[0] + once[2]).isEqualTo(lines);
        assertThat(once[1]).isZero();
        assertThat(counts(second)).containsExactly(0, 0, 0);
        assertThat(second.err.toString()).contains("sending on from there");
    }

    /** Bad lines of every size: one the server reads and refuses, and one too long to send at all. */
    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("garbage", "not a squid line", "time is not"),
                // Over two of the sender's chunks, so finding its end takes more than one read.
                Arguments.of("overlong", "x".repeat(2 * LogSender.CHUNK_BYTES + 10), "longer than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void jsonIsCleanOnStdoutAndBadLinesGoToStderrWithTheirNumbers(String name, String badLine, String says)
            throws Exception {
        Path log = Files.createDirectories(Path.of(dataDir).resolve("logs-json-" + name)).resolve("access.log");
        long now = Instant.now().getEpochSecond();
        Files.writeString(log, now + ".001 5 10.0.0.9 TCP_MISS/200 10 GET http://a.example/ - HIER_NONE/- -\n"
                + badLine + "\n" + now + ".002 5 10.0.0.9 TCP_MISS/200 10 GET http://b.example/ - HIER_NONE/- -\n");

        CliRun cli = activity("import", "--json", log.toString());

        JsonNode json = new ObjectMapper().readTree(cli.out.toString());
        assertThat(json.get("imported").asLong()).isEqualTo(2);
        assertThat(json.get("bad").asLong()).isEqualTo(1);
        assertThat(json.get("files").get(0).get("badLines").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(cli.err.toString()).contains(log + ":2: " + says);
    }

    /** How logrotate hands a log on, and how many of the test's lines then reach the server. */
    enum Rotation {
        /** Renamed away (the old file still gets a last line from the writer), a new file made. */
        RENAME(4),
        /** Copied away and truncated in place: the same file starts again. */
        COPYTRUNCATE(3);

        final long rows;

        Rotation(long rows) {
            this.rows = rows;
        }
    }

    @ParameterizedTest
    @EnumSource(Rotation.class)
    void followSendsNewLinesAndCarriesOnAcrossRotation(Rotation rotation) throws Exception {
        Path dir = Files.createDirectories(Path.of(dataDir).resolve("logs-follow-" + rotation));
        Path log = dir.resolve("access.log");
        long now = Instant.now().getEpochSecond();
        Files.writeString(log, squidLine(now, "one"));
        CliRun cli = new CliRun();
        Thread follower = new Thread(() -> cli.lantern("activity", "import", "--follow", log.toString(),
                "--token", token, "--data-dir", dataDir));
        follower.start();
        try {
            Files.writeString(log, squidLine(now, "two"), StandardOpenOption.APPEND);
            Thread.sleep(2500);
            if (rotation == Rotation.RENAME) {
                Files.move(log, dir.resolve("access.log.1"));
                Files.writeString(dir.resolve("access.log.1"), squidLine(now, "three"), StandardOpenOption.APPEND);
                Files.writeString(log, squidLine(now + 1, "four"));
            } else {
                Files.copy(log, dir.resolve("access.log.1"));
                Files.writeString(log, squidLine(now + 1, "three"), StandardOpenOption.TRUNCATE_EXISTING);
            }
            Thread.sleep(3500);
        } finally {
            follower.interrupt();
            follower.join(10_000);
        }

        assertThat(counts(cli)).as(cli.err.toString()).containsExactly(rotation.rows, 0, 0);
    }

    private static String squidLine(long seconds, String path) {
        return seconds + ".123 5 10.0.0.8 TCP_MISS/200 10 GET http://follow.example/" + path + " - HIER_NONE/- -\n";
    }

    @Test
    void shipSendsADecisionLogDirectoryAndAfterARestartOnlyWhatIsNew() throws Exception {
        Path dir = Files.createDirectories(Path.of(dataDir).resolve("proxy-decisions"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.appendAll(List.of(entry(at, "http://ship.example/one"), entry(at, "http://ship.example/two"))).get();
        }

        CliRun first = activity("ship", "--once", "--dir", dir.toString());
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(entry(at.plusSeconds(1), "http://ship.example/three")).get();
        }
        CliRun second = activity("ship", "--once", "--dir", dir.toString());

        assertThat(counts(first)).as(first.err.toString()).containsExactly(2, 0, 0);
        assertThat(counts(second)).as(second.err.toString()).containsExactly(1, 0, 0);
    }

    /** The two commands left running unattended beside a proxy, each to be started while the server is away. */
    enum Unattended {
        SHIP("trying again in 1 s", 2),
        IMPORT_FOLLOW("trying again in 5 s", 1);

        final String says;
        final long atLeast;

        Unattended(String says, long atLeast) {
            this.says = says;
            this.atLeast = atLeast;
        }
    }

    @ParameterizedTest
    @EnumSource(Unattended.class)
    void keepsTryingWhileTheServerIsUnreachableAndThenSendsEverythingOnce(Unattended command) throws Exception {
        Path dir = Files.createDirectories(Path.of(dataDir).resolve("offline-" + command));
        List<String> offlineArgs = new ArrayList<>();
        List<String> onlineArgs = new ArrayList<>();
        if (command == Unattended.SHIP) {
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
            try (DecisionLog log = DecisionLog.open(dir)) {
                log.append(entry(at, "http://offline.example/one")).get();
            }
            offlineArgs.addAll(List.of("activity", "ship", "--dir", dir.toString(), "--interval", "1"));
            onlineArgs.addAll(List.of("ship", "--once", "--dir", dir.toString()));
        } else {
            Path log = dir.resolve("access.log");
            Files.writeString(log, squidLine(Instant.now().getEpochSecond(), "offline"));
            offlineArgs.addAll(List.of("activity", "import", "--follow", log.toString()));
            onlineArgs.addAll(List.of("import", log.toString()));
        }
        offlineArgs.addAll(List.of("--server", "http://127.0.0.1:9", "--token", token, "--data-dir", dataDir));
        CliRun offline = new CliRun();
        Thread unattended = new Thread(() -> offline.lantern(offlineArgs.toArray(String[]::new)));
        unattended.start();
        Thread.sleep(2500);
        unattended.interrupt();
        unattended.join(10_000);

        CliRun online = activity(onlineArgs.toArray(String[]::new));

        assertThat(unattended.isAlive()).isFalse();
        assertThat(offline.err.toString().lines().filter(l -> l.contains(command.says)).count())
                .as(offline.err.toString()).isGreaterThanOrEqualTo(command.atLeast);
        assertThat(counts(online)).as(online.err.toString()).containsExactly(1, 0, 0);
    }

    private static LogEntry entry(Instant at, String url) {
        return new LogEntry(at, "proxyuser", null, "ks3", "10.0.0.7", "GET", url, Action.ALLOW, Rule.POLICY, null,
                null, null, null, null, null, 1, null, false, "Allowed");
    }

    /** A token of the demo's DSL: a real token, but of an account that may not send activity in. */
    private String dslToken() {
        return RunningDemo.token(dataDir, "dsl");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("no token", "", null, "no API token"),
                Arguments.of("an unknown token", "lan_not-a-token", null, "the server refused the token"),
                Arguments.of("a token that may not ingest", "dsl", null, "--scope ingest"),
                Arguments.of("a server that is not there", "ingest", "http://127.0.0.1:9", "cannot reach the server"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void anErrorIsOneLineSayingWhatToDo(String what, String tokenKind, String server, String says) throws Exception {
        Path log = Files.createDirectories(Path.of(dataDir).resolve("logs-errors")).resolve("access.log");
        Files.writeString(log, squidLine(Instant.now().getEpochSecond(), "error"));
        String given = switch (tokenKind) {
            case "dsl" -> dslToken();
            case "ingest" -> token;
            default -> tokenKind;
        };
        List<String> args = new ArrayList<>(List.of("activity", "import", "--data-dir", dataDir, "--token", given));
        if (server != null) {
            args.addAll(List.of("--server", server));
        }
        args.add(log.toString());
        CliRun cli = new CliRun();

        int code = cli.lantern(args.toArray(String[]::new));

        assertThat(code).isEqualTo(CliException.CANNOT_RUN);
        assertThat(cli.err.toString().lines()).singleElement().asString().contains(says);
        assertThat(cli.out.toString()).isEmpty();
    }
}
