package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.activity.ActivityRow;

class SquidAccessLogTest {

    private static final String EXAMPLE = "squid-logs/squidview-example.log";

    private final SquidAccessLog parser = new SquidAccessLog();

    private ActivityRow parse(String line) throws BadLineException {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        boolean ascii = b.length == line.length();
        return parser.parse(b, 0, b.length, ascii);
    }

    @Test
    void readsEveryFieldOfARealLine() throws Exception {
        Optional<Path> example = SharedData.find(EXAMPLE);
        assumeTrue(example.isPresent(), "SKIPPED: shared test data not found (no shared/data/" + EXAMPLE + ")");
        String line = Files.readAllLines(example.get()).get(1);
        assertThat(line).startsWith("1198298240.522    782 127.0.0.1 TCP_MISS/200 19071 GET http://slashdot.org/ ");

        ActivityRow row = parse(line);

        assertThat(row).isEqualTo(new ActivityRow(Instant.parse("2007-12-22T04:37:20.522Z"), null, "graeme", null,
                null, "127.0.0.1", null, "GET", "slashdot.org", "slashdot.org", "http://slashdot.org/", null, null,
                "ALLOW", null, null, null, false, 200, 19071L, "squid"));
    }

    @Test
    void readsTheWholeExampleLog() throws Exception {
        Optional<Path> example = SharedData.find(EXAMPLE);
        assumeTrue(example.isPresent(), "SKIPPED: shared test data not found (no shared/data/" + EXAMPLE + ")");
        List<ActivityRow> rows = new ArrayList<>();
        LogReader reader = new LogReader(parser, Clock.systemUTC());

        LogReader.Result result = reader.read(example.get(), LogReader.Position.START, b -> rows.addAll(b.rows()));

        assertThat(result.bad()).isZero();
        assertThat(result.rows()).isEqualTo(94).isEqualTo(rows.size());
        assertThat(result.next().offset()).isEqualTo(Files.size(example.get()));
        assertThat(result.next().line()).isEqualTo(95);
        assertThat(rows.get(2).host()).isEqualTo("ad.doubleclick.net");
        assertThat(rows.get(2).domain()).isEqualTo("doubleclick.net");
        assertThat(rows).extracting(ActivityRow::status).contains(200, 301, 304);
        assertThat(rows).allSatisfy(r -> assertThat(r.source()).isEqualTo("squid"));
    }

    static Stream<Arguments> fields() {
        String t = "1765016400.250     12 ";
        return Stream.of(
                // what the line shows, the line, the field, the value expected
                row("CONNECT: host without the port", t + "10.0.0.7 TCP_TUNNEL/200 4521 CONNECT www.Example.co.uk:443 - HIER_DIRECT/93.184.216.34 -",
                        ActivityRow::host, "www.example.co.uk"),
                row("CONNECT: url as logged", t + "10.0.0.7 TCP_TUNNEL/200 4521 CONNECT www.example.co.uk:443 - HIER_DIRECT/93.184.216.34 -",
                        ActivityRow::url, "www.example.co.uk:443"),
                row("CONNECT: registrable domain", t + "10.0.0.7 TCP_TUNNEL/200 4521 CONNECT a.b.example.co.uk:443 - HIER_DIRECT/93.184.216.34 -",
                        ActivityRow::domain, "example.co.uk"),
                row("CONNECT: method", t + "10.0.0.7 TCP_TUNNEL/200 4521 CONNECT example.com:443 - HIER_DIRECT/93.184.216.34 -",
                        ActivityRow::method, "CONNECT"),
                row("CONNECT to an IPv6 literal", t + "10.0.0.7 TCP_TUNNEL/200 0 CONNECT [2001:db8::1]:443 - HIER_DIRECT/2001:db8::1 -",
                        ActivityRow::host, "2001:db8::1"),
                row("IPv6 client", t + "2001:db8:0:1::7 TCP_MISS/200 100 GET http://example.com/ - HIER_DIRECT/93.184.216.34 text/html",
                        ActivityRow::clientIp, "2001:db8:0:1::7"),
                row("IPv6 host in a URL", t + "10.0.0.7 TCP_MISS/200 100 GET http://[2001:DB8::1]:8080/x - HIER_DIRECT/2001:db8::1 text/html",
                        ActivityRow::host, "2001:db8::1"),
                row("IPv6 host is its own domain", t + "10.0.0.7 TCP_MISS/200 100 GET http://[2001:db8::1]/x - HIER_DIRECT/2001:db8::1 text/html",
                        ActivityRow::domain, "2001:db8::1"),
                row("IPv4 host is its own domain", t + "10.0.0.7 TCP_MISS/200 100 GET http://192.0.2.9/x - HIER_DIRECT/192.0.2.9 text/html",
                        ActivityRow::domain, "192.0.2.9"),
                row("intranet host is its own domain", t + "10.0.0.7 TCP_MISS/200 100 GET http://intranet/x - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::domain, "intranet"),
                row("private public suffix", t + "10.0.0.7 TCP_MISS/200 100 GET http://alice.github.io/x - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::domain, "alice.github.io"),
                row("user:password@ is not the host", t + "10.0.0.7 TCP_MISS/200 100 GET http://u:p@Files.Example.com:8080/x - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::host, "files.example.com"),
                row("no user", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/ - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::user, null),
                row("plain user", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/ ada.lovelace HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::user, "ada.lovelace"),
                row("user with a %-encoded space", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/ ada%20lovelace HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::user, "ada lovelace"),
                row("user with a %-encoded domain backslash", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/ SCHOOL%5Cada HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::user, "SCHOOL\\ada"),
                row("user with %-encoded UTF-8", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/ j%C3%BCrgen HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::user, "jürgen"),
                row("user with a stray %", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/ 50%zz HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::user, "50%zz"),
                row("TCP_DENIED blocks", t + "10.0.0.7 TCP_DENIED/403 3900 GET http://bad.example/ ada HIER_NONE/- text/html",
                        ActivityRow::action, "BLOCK"),
                row("TCP_DENIED_REPLY blocks", t + "10.0.0.7 TCP_DENIED_REPLY/403 3900 GET http://bad.example/ ada HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::action, "BLOCK"),
                row("a miss allows", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/ ada HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::action, "ALLOW"),
                row("status", t + "10.0.0.7 TCP_MISS/404 100 GET http://example.com/ ada HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::status, 404),
                row("status 000 is none", t + "10.0.0.7 NONE_NONE/000 0 GET http://example.com/ ada HIER_NONE/- -",
                        ActivityRow::status, null),
                row("bytes", t + "10.0.0.7 TCP_MISS/200 12345678901 GET http://example.com/ ada HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::bytes, 12_345_678_901L),
                row("time", "1765016400.007 12 10.0.0.7 TCP_MISS/200 1 GET http://example.com/ ada HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::time, Instant.parse("2025-12-06T10:20:00.007Z")),
                row("host lower case", t + "10.0.0.7 TCP_MISS/200 100 GET http://WWW.BBC.Co.UK/News - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::host, "www.bbc.co.uk"),
                row("url as logged", t + "10.0.0.7 TCP_MISS/200 100 GET http://WWW.BBC.Co.UK/News - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::url, "http://WWW.BBC.Co.UK/News"),
                row("UTF-8 in the URL", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/café - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::url, "http://example.com/café"),
                row("no content type", t + "10.0.0.7 TCP_MISS/200 100 POST http://example.com/ - HIER_DIRECT/10.0.0.1",
                        ActivityRow::method, "POST"),
                row("headers after the type", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/ - HIER_DIRECT/10.0.0.1 text/html [Host: example.com\\r\\n]",
                        ActivityRow::host, "example.com"),
                row("Google search", t + "10.0.0.7 TCP_MISS/200 100 GET http://www.google.co.uk/search?q=how+to+get+round+the+filter&hl=en - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::searchTerm, "how to get round the filter"),
                row("Bing search", t + "10.0.0.7 TCP_MISS/200 100 GET https://www.bing.com/search?q=%22self+harm%22 - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::searchTerm, "\"self harm\""),
                row("YouTube search", t + "10.0.0.7 TCP_MISS/200 100 GET https://www.youtube.com/results?search_query=minecraft - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::searchTerm, "minecraft"),
                row("DuckDuckGo search", t + "10.0.0.7 TCP_MISS/200 100 GET https://duckduckgo.com/?q=vpn - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::searchTerm, "vpn"),
                row("not a search", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/page?q=vpn - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::searchTerm, null),
                row("source", t + "10.0.0.7 TCP_MISS/200 100 GET http://example.com/ - HIER_DIRECT/10.0.0.1 text/html",
                        ActivityRow::source, "squid"));
    }

    private static Arguments row(String shows, String line, Function<ActivityRow, Object> field, Object expected) {
        return Arguments.of(shows, line, field, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void readsEachLineShape(String shows, String line, Function<ActivityRow, Object> field, Object expected)
            throws Exception {
        assertThat(field.apply(parse(line))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Squid's error: pseudo-URL         | 1765016400.250      0 10.0.0.7 NONE_NONE/000 0 - error:transaction-end-before-headers - HIER_NONE/- -
            a challenge for proxy credentials | 1765016400.250      0 10.0.0.7 TCP_DENIED/407 3990 GET http://example.com/ - HIER_NONE/- text/html
            """)
    void skipsLinesThatRecordNoRequest(String shows, String line) throws Exception {
        assertThat(parse(line)).isNull();
    }

    @Test
    void keepsOtherDenialsAsBlocks() throws Exception {
        assertThat(parse("1765016400.250      0 10.0.0.7 TCP_DENIED/403 3990 GET http://example.com/ - HIER_NONE/- text/html")
                .action()).isEqualTo("BLOCK");
    }

    static Stream<Arguments> badLines() {
        String rest = " 10.0.0.7 TCP_MISS/200 100 GET http://example.com/ - HIER_DIRECT/10.0.0.1 text/html";
        return Stream.of(
                Arguments.of("1765016400 12" + rest, "time is not seconds.milliseconds"),
                Arguments.of("yesterday 12" + rest, "time is not seconds.milliseconds"),
                Arguments.of("1765016400.250 soon" + rest, "elapsed time is not a number"),
                Arguments.of("1765016400.250 12 10.0.0.7 TCP_MISS 100 GET http://example.com/ - HIER_DIRECT/10.0.0.1 -",
                        "result code/status is not CODE/status"),
                Arguments.of("1765016400.250 12 10.0.0.7 TCP_MISS/2x0 100 GET http://example.com/ - HIER_DIRECT/10.0.0.1 -",
                        "result code/status is not CODE/status"),
                Arguments.of("1765016400.250 12 10.0.0.7 TCP_MISS/200 - GET http://example.com/ - HIER_DIRECT/10.0.0.1 -",
                        "bytes is not a number"),
                Arguments.of("1765016400.250 12 10.0.0.7 TCP_MISS/200 100 GET http://example.com/", "no user"),
                Arguments.of("1765016400.250 12 10.0.0.7 TCP_MISS/200 100 GET http://example.com/ -", "no hierarchy/peer"),
                Arguments.of("1765016400.250 12 10.0.0.7 TCP_MISS/200 100 GET example.com/ - HIER_DIRECT/10.0.0.1 -",
                        "URL has no scheme and host"),
                Arguments.of("1765016400.250 12 10.0.0.7 TCP_MISS/200 100 GET http:///path - HIER_DIRECT/10.0.0.1 -",
                        "URL has no host"),
                Arguments.of("1765016400.250 12 10.0.0.7 TCP_MISS/200 100 GET http://example.com:http/ - HIER_DIRECT/10.0.0.1 -",
                        "URL port is not a number"),
                Arguments.of("1765016400.250 12 10.0.0.7 TCP_MISS/200 100 GET http://[2001:db8::1/ - HIER_DIRECT/10.0.0.1 -",
                        "URL has an unclosed [ in its host"),
                Arguments.of("", "time is not seconds.milliseconds"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badLines")
    void refusesLinesThatAreNotRequests(String line, String reason) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(BadLineException.class).hasMessage(reason);
    }
}
