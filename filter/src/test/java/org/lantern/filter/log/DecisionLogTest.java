package org.lantern.filter.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.decision.FilterSnapshot;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.match.ListId;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;

/** The decision log's file layout, durability acknowledgement and tolerant reading. */
class DecisionLogTest {

    @TempDir
    Path dir;

    private static List<LogEntry> readAll(DecisionLogReader reader) throws Exception {
        try (Stream<LogEntry> s = reader.entries()) {
            return s.toList();
        }
    }

    private static LogEntry at(String instant, String url) {
        return new LogEntry(Instant.parse(instant), null, null, "visitors", null, "GET", url, Action.ALLOW,
                Rule.NO_MATCH, null, null, null, null, null, null, 1, null, false, "Allowed");
    }

    @Test
    void decisionIsLoggedWithEveryFieldAndReadBack() throws Exception {
        FilterSnapshot snapshot = FilterSnapshot.of(PolicyParser.parse(Presets.yaml("astley-park")), 4)
                .withLists(gamblingList());
        Decision d = snapshot.decide(DecisionRequest.of("http://bet.example/x?q=odds", "GET", "ada", "10.1.2.3",
                Instant.parse("2026-01-05T09:30:00Z")));

        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(d).get();
        }

        List<LogEntry> read = readAll(new DecisionLogReader(dir));
        assertThat(read).containsExactly(LogEntry.of(d));
        LogEntry e = read.get(0);
        assertThat(e.action()).isEqualTo(Action.BLOCK);
        assertThat(e.list()).isEqualTo("test/gambling");
        assertThat(e.entry()).isEqualTo("bet.example");
        assertThat(e.activity()).isEqualTo("online-gambling");
        assertThat(e.level()).isEqualTo("unacceptable");
        assertThat(e.policyVersion()).isEqualTo(4);
        assertThat(e.clientIp()).isEqualTo("10.1.2.3");
        assertThat(e.user()).isEqualTo("ada");
    }

    private static CategoryLists gamblingList() throws Exception {
        CategoryLists.Builder b = CategoryLists.builder();
        b.add(new ListId("gambling", "test"), ListKind.DOMAINS, "bet.example");
        return b.build();
    }

    @Test
    void acknowledgedEntryIsInTheFileBeforeTheLogIsClosed() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(at("2026-01-05T09:30:00Z", "http://a.example/")).get();

            assertThat(readAll(new DecisionLogReader(dir))).extracting(LogEntry::url)
                    .containsExactly("http://a.example/");
            assertThat(log.written()).isEqualTo(1);
        }
    }

    @Test
    void eachLineIsOneJsonObjectWithUtcTime() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(at("2026-01-05T09:30:00Z", "http://a.example/")).get();
        }

        List<String> lines = Files.readAllLines(dir.resolve("decisions-2026-01-05.jsonl"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{\"time\":\"2026-01-05T09:30:00Z\"").contains("\"action\":\"ALLOW\"")
                .doesNotContain("null");
    }

    @Test
    void entriesAreFiledByTheirUtcDay() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(at("2026-01-05T23:59:59Z", "http://late.example/")).get();
            log.append(at("2026-01-06T00:00:00Z", "http://early.example/")).get();
        }

        assertThat(Files.readString(dir.resolve("decisions-2026-01-05.jsonl"))).contains("late.example");
        assertThat(Files.readString(dir.resolve("decisions-2026-01-06.jsonl"))).contains("early.example");
        assertThat(readAll(new DecisionLogReader(dir))).extracting(LogEntry::url)
                .containsExactly("http://late.example/", "http://early.example/");
    }

    @Test
    void reopeningAppendsToTheExistingDayFile() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(at("2026-01-05T09:00:00Z", "http://first.example/")).get();
        }
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(at("2026-01-05T10:00:00Z", "http://second.example/")).get();
        }

        assertThat(readAll(new DecisionLogReader(dir))).extracting(LogEntry::url)
                .containsExactly("http://first.example/", "http://second.example/");
    }

    @Test
    void truncatedLastLineIsSkippedAndCounted() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(at("2026-01-05T09:00:00Z", "http://whole.example/")).get();
        }
        Files.writeString(dir.resolve("decisions-2026-01-05.jsonl"), "{\"time\":\"2026-01-05T09:0",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        DecisionLogReader reader = new DecisionLogReader(dir);
        assertThat(readAll(reader)).extracting(LogEntry::url).containsExactly("http://whole.example/");
        assertThat(reader.skipped()).isEqualTo(1);
    }

    @Test
    void entryAppendedAfterATruncatedLineStartsOnANewLine() throws Exception {
        Files.writeString(dir.resolve("decisions-2026-01-05.jsonl"), "{\"time\":\"2026-01-05T09:0");

        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(at("2026-01-05T10:00:00Z", "http://after.example/")).get();
        }

        DecisionLogReader reader = new DecisionLogReader(dir);
        assertThat(readAll(reader)).extracting(LogEntry::url).containsExactly("http://after.example/");
        assertThat(reader.skipped()).isEqualTo(1);
    }

    @Test
    void closedLogRefusesEntriesAndCountsThemAsDropped() throws Exception {
        DecisionLog log = DecisionLog.open(dir);
        log.close();

        assertThatThrownBy(() -> log.append(at("2026-01-05T09:00:00Z", "http://late.example/")).get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(log.dropped()).isEqualTo(1);
    }

    @Test
    void closeWritesEverythingAlreadyQueued() throws Exception {
        DecisionLog log = DecisionLog.open(dir);
        for (int i = 0; i < 1000; i++) {
            log.append(at("2026-01-05T09:00:00Z", "http://q.example/" + i));
        }
        log.close();

        assertThat(readAll(new DecisionLogReader(dir))).hasSize(1000);
        assertThat(log.dropped()).isZero();
    }

    @Test
    void aBatchIsWrittenInOrderAndOneFutureAcknowledgesAllOfIt() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.appendAll(List.of(at("2026-01-05T09:00:00Z", "http://1.example/"),
                    at("2026-01-05T09:00:01Z", "http://2.example/"), at("2026-01-05T09:00:02Z", "http://3.example/")))
                    .get();

            assertThat(readAll(new DecisionLogReader(dir))).extracting(LogEntry::url)
                    .containsExactly("http://1.example/", "http://2.example/", "http://3.example/");
            assertThat(log.written()).isEqualTo(3);
        }
    }

    @Test
    void aBatchSpanningMidnightIsFiledByDay() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.appendAll(List.of(at("2026-01-06T00:00:00Z", "http://early.example/"),
                    at("2026-01-05T23:59:59Z", "http://late.example/"))).get();
        }

        assertThat(Files.readString(dir.resolve("decisions-2026-01-05.jsonl"))).contains("late.example")
                .doesNotContain("early.example");
        assertThat(Files.readString(dir.resolve("decisions-2026-01-06.jsonl"))).contains("early.example");
    }

    @Test
    void aBatchLargerThanTheCapacityIsAcceptedWhenNothingElseWaits() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir, 2, Duration.ofMillis(1))) {
            log.appendAll(List.of(at("2026-01-05T09:00:00Z", "http://1.example/"),
                    at("2026-01-05T09:00:00Z", "http://2.example/"), at("2026-01-05T09:00:00Z", "http://3.example/")))
                    .get();

            assertThat(log.written()).isEqualTo(3);
            assertThat(log.dropped()).isZero();
        }
    }

    @Test
    void anEmptyBatchIsAcknowledgedAtOnceAndWritesNothing() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir)) {
            assertThat(log.appendAll(List.of())).isCompleted();
        }

        assertThat(readAll(new DecisionLogReader(dir))).isEmpty();
    }

    @Test
    void closedLogRefusesABatchAndCountsEachOfItsEntriesAsDropped() throws Exception {
        DecisionLog log = DecisionLog.open(dir);
        log.close();

        assertThatThrownBy(() -> log.appendAll(List.of(at("2026-01-05T09:00:00Z", "http://a.example/"),
                at("2026-01-05T09:00:00Z", "http://b.example/"))).get())
                .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(log.dropped()).isEqualTo(2);
    }

    @Test
    void aFailedWriteFailsItsBatchOnlyAndTheLogCarriesOn() throws Exception {
        // A directory where the day's file should be makes opening that file fail.
        Files.createDirectories(dir.resolve("decisions-2026-01-05.jsonl"));
        try (DecisionLog log = DecisionLog.open(dir)) {
            assertThatThrownBy(() -> log.appendAll(List.of(at("2026-01-05T09:00:00Z", "http://lost.example/"),
                    at("2026-01-05T09:00:00Z", "http://lost.example/2"))).get())
                    .isInstanceOf(ExecutionException.class);

            log.append(at("2026-01-06T09:00:00Z", "http://kept.example/")).get();

            assertThat(log.failed()).isEqualTo(2);
            assertThat(log.written()).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("decisions-2026-01-06.jsonl"))).contains("kept.example");
    }

    @Test
    void emptyDirectoryReadsAsNoEntries() throws Exception {
        assertThat(readAll(new DecisionLogReader(dir))).isEmpty();
    }
}
