package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.activity.ActivityRow;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.log.DecisionLog;
import org.lantern.filter.log.LogEntry;

class LanternDecisionLogTest {

    private static final Instant AT = Instant.parse("2025-12-06T10:20:00.123Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-12-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static LogEntry entry(String personId, String method, String url, Action action, String searchTerm,
                                  boolean bypass) {
        return new LogEntry(AT, "ada", personId, "ks3", "10.0.0.7", method, url, action, Rule.POLICY, "gambling",
                "ut1/gambling", "bet.example", "gambling-browse", "ks3-block", null, 17, searchTerm, bypass,
                "Blocked: gambling");
    }

    @Test
    void readsADayFileTheDecisionLogWroteIntoRows() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.appendAll(List.of(
                    entry("42", "GET", "https://www.bet365.co.uk/spin?x=1", Action.BLOCK_AND_ALERT, null, false),
                    entry(null, "GET", "https://www.google.com/search?q=roulette", Action.ALLOW, "roulette", false)))
                    .get();
        }
        Path day = dir.resolve("decisions-2025-12-06.jsonl");
        List<ActivityRow> rows = new ArrayList<>();

        LogReader.Result result = new LogReader(new LanternDecisionLog(), NOW)
                .read(day, LogReader.Position.START, b -> rows.addAll(b.rows()));

        assertThat(result.bad()).isZero();
        assertThat(rows).containsExactly(
                new ActivityRow(AT, 42L, "ada", "ks3", null, "10.0.0.7", null, "GET", "www.bet365.co.uk",
                        "bet365.co.uk", "https://www.bet365.co.uk/spin?x=1", "gambling", "gambling-browse",
                        "BLOCK_AND_ALERT", "POLICY", 17L, null, false, null, null, "lantern"),
                new ActivityRow(AT, null, "ada", "ks3", null, "10.0.0.7", null, "GET", "www.google.com", "google.com",
                        "https://www.google.com/search?q=roulette", "gambling", "gambling-browse", "ALLOW", "POLICY",
                        17L, "roulette", false, null, null, "lantern"));
    }

    static Stream<Arguments> conversions() {
        return Stream.of(
                Arguments.of("a tunnel on 443 shows as host:443",
                        entry("42", "CONNECT", "https://vpn.example.com/", Action.BLOCK, null, true),
                        "vpn.example.com:443", "vpn.example.com", "example.com"),
                Arguments.of("a tunnel on another port keeps it",
                        entry("42", "CONNECT", "https://vpn.example.com:8443/", Action.BLOCK, null, true),
                        "vpn.example.com:8443", "vpn.example.com", "example.com"),
                Arguments.of("an IPv6 tunnel",
                        entry("42", "CONNECT", "https://[2001:db8::1]/", Action.BLOCK, null, true),
                        "[2001:db8::1]:443", "2001:db8::1", "2001:db8::1"),
                Arguments.of("an ordinary request keeps its URL",
                        entry("42", "GET", "http://news.bbc.co.uk:8080/a?b=c", Action.ALLOW, null, false),
                        "http://news.bbc.co.uk:8080/a?b=c", "news.bbc.co.uk", "bbc.co.uk"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversions")
    void convertsUrlHostAndDomain(String shows, LogEntry e, String url, String host, String domain) {
        ActivityRow row = new LanternDecisionLog().row(e);

        assertThat(row.url()).isEqualTo(url);
        assertThat(row.host()).isEqualTo(host);
        assertThat(row.domain()).isEqualTo(domain);
        assertThat(row.bypass()).isEqualTo(e.bypassAttempt());
        assertThat(row.method()).isEqualTo(e.method());
    }

    @Test
    void tiesARowToNobodyWhenThePersonIdIsNotTheDirectorysNumber() {
        assertThat(new LanternDecisionLog().row(entry("ext-ada", "GET", "http://a.example/", Action.ALLOW, null,
                false)).personId()).isNull();
    }

    @Test
    void countsALineACrashCutShortAndReadsOn() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(entry("42", "GET", "http://a.example/", Action.ALLOW, null, false)).get();
        }
        Path day = dir.resolve("decisions-2025-12-06.jsonl");
        Files.writeString(day, "{\"time\":\"2025-12-06T10:20:00Z\",\"user\":\"ada\",\"url\":\"http://b.exa\n",
                StandardOpenOption.APPEND);
        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(entry("43", "GET", "http://c.example/", Action.ALLOW, null, false)).get();
        }
        List<ActivityRow> rows = new ArrayList<>();

        LogReader.Result result = new LogReader(new LanternDecisionLog(), NOW)
                .read(day, LogReader.Position.START, b -> rows.addAll(b.rows()));

        assertThat(rows).extracting(ActivityRow::personId).containsExactly(42L, 43L);
        assertThat(result.badLines()).singleElement().satisfies(bad -> {
            assertThat(bad.line()).isEqualTo(2);
            assertThat(bad.reason()).startsWith("not a decision-log entry");
        });
    }
}
