package org.lantern.filter.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.lists.FileReport.LineProblem;
import org.lantern.filter.match.Match;
import org.lantern.filter.match.MatchKind;
import org.lantern.filter.url.UrlNormaliser;

class ListLoaderTest {

    @TempDir Path root;

    private final UrlNormaliser normaliser = new UrlNormaliser();

    private void write(String category, String file, String content) throws IOException {
        writeBytes(category, file, content.getBytes(StandardCharsets.UTF_8));
    }

    private void writeBytes(String category, String file, byte[] content) throws IOException {
        Path dir = Files.createDirectories(root.resolve(category));
        Files.write(dir.resolve(file), content);
    }

    private CategoryLists load() throws IOException {
        return new ListLoader().load(List.of(new ListSource("ut1", "2026-08-01", root)));
    }

    private FileReport report(CategoryLists lists, String category, ListKind kind) {
        return lists.sources().get(0).files().stream()
                .filter(f -> f.category().equals(category) && f.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    private List<Match> match(CategoryLists lists, String url) throws Exception {
        return lists.matcher().match(normaliser.normalise(url));
    }

    @Test
    void domainsUrlsAndExpressionsOfACategoryAreLoaded() throws Exception {
        write("gambling", "domains", "casino.example\n");
        write("gambling", "urls", "site.example/poker\n");
        write("gambling", "expressions", "roulette\n");
        CategoryLists lists = load();

        assertThat(match(lists, "http://www.casino.example/")).extracting(Match::kind).containsExactly(MatchKind.DOMAIN);
        assertThat(match(lists, "http://site.example/poker")).extracting(Match::kind).containsExactly(MatchKind.URL);
        assertThat(match(lists, "http://x.example/roulette")).extracting(Match::kind).containsExactly(MatchKind.EXPRESSION);
    }

    @Test
    void matchesNameTheCategoryFolderAndSource() throws Exception {
        write("gambling", "domains", "casino.example\n");
        Match m = match(load(), "http://casino.example/").get(0);
        assertThat(m.category()).isEqualTo("gambling");
        assertThat(m.source()).isEqualTo("ut1");
    }

    @Test
    void commentsAndBlankLinesAreNeitherEntriesNorProblems() throws Exception {
        write("gambling", "domains", "# header\n\n   \ncasino.example\n");
        FileReport r = report(load(), "gambling", ListKind.DOMAINS);
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.skipped()).isZero();
    }

    @Test
    void windowsLineEndingsAreAccepted() throws Exception {
        write("gambling", "domains", "casino.example\r\nbet.example\r\n");
        assertThat(report(load(), "gambling", ListKind.DOMAINS).accepted()).isEqualTo(2);
    }

    @Test
    void lastLineWithoutNewlineIsLoaded() throws Exception {
        write("gambling", "domains", "casino.example");
        assertThat(report(load(), "gambling", ListKind.DOMAINS).accepted()).isEqualTo(1);
    }

    @Test
    void onlyTheFirstTokenOfADomainLineIsTheEntry() throws Exception {
        write("gambling", "domains", "casino.example   trailing words\n");
        assertThat(match(load(), "http://casino.example/")).hasSize(1);
    }

    @Test
    void invalidHostLineIsSkippedWithItsLineNumber() throws Exception {
        write("gambling", "domains", "casino.example\nbad<host\nbet.example\n");
        FileReport r = report(load(), "gambling", ListKind.DOMAINS);
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.firstProblems()).extracting(LineProblem::lineNumber).containsExactly(2);
    }

    @Test
    void invalidUtf8LineIsSkippedAndCounted() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("casino.example\n".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] {'b', (byte) 0xC3, (byte) 0x28, '.', 'e', 'x', '\n'});
        writeBytes("gambling", "domains", bytes.toByteArray());
        FileReport r = report(load(), "gambling", ListKind.DOMAINS);
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.firstProblems()).containsExactly(new LineProblem(2, "invalid UTF-8"));
    }

    @Test
    void overLongLineIsSkippedAndCounted() throws Exception {
        write("gambling", "domains", "a".repeat(ListLoader.MAX_LINE_BYTES + 10) + "\ncasino.example\n");
        FileReport r = report(load(), "gambling", ListKind.DOMAINS);
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.firstProblems().get(0).lineNumber()).isEqualTo(1);
        assertThat(r.firstProblems().get(0).reason()).contains("longer than");
    }

    @Test
    void controlCharacterLineIsSkippedAndCounted() throws Exception {
        write("gambling", "domains", "casino\u0001.example\n");
        assertThat(report(load(), "gambling", ListKind.DOMAINS).firstProblems().get(0).reason())
                .contains("control character");
    }

    @Test
    void binaryJunkFileLoadsWithCountsAndNoException() throws Exception {
        byte[] junk = new byte[200_000];
        new Random(42).nextBytes(junk);
        writeBytes("junk", "domains", junk);
        writeBytes("junk", "urls", junk);
        writeBytes("junk", "expressions", junk);
        CategoryLists lists = load();
        for (ListKind kind : ListKind.values()) {
            FileReport r = report(lists, "junk", kind);
            assertThat(r.skipped()).isPositive();
            assertThat(r.firstProblems()).hasSizeLessThanOrEqualTo(ListLoader.PROBLEMS_KEPT);
        }
    }

    @Test
    void onlyTheFirstFewProblemsAreKeptButAllAreCounted() throws Exception {
        write("gambling", "domains", "bad<1\nbad<2\nbad<3\nbad<4\nbad<5\nbad<6\nbad<7\n");
        FileReport r = report(load(), "gambling", ListKind.DOMAINS);
        assertThat(r.skipped()).isEqualTo(7);
        assertThat(r.firstProblems()).extracting(LineProblem::lineNumber).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void backreferenceExpressionIsSkippedWithItsLineNumber() throws Exception {
        write("adult", "expressions", "porn\n(a)\\1\nxxx\n");
        FileReport r = report(load(), "adult", ListKind.EXPRESSIONS);
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.firstProblems()).extracting(LineProblem::lineNumber).containsExactly(2);
    }

    @Test
    void filesOtherThanTheThreeListKindsAreIgnored() throws Exception {
        write("adult", "very_restrictive_expression", "sex\n");
        write("adult", "usage", "black\n");
        assertThat(load().sources().get(0).files()).isEmpty();
    }

    @Test
    void severalSourcesKeepTheirOwnProvenance() throws Exception {
        write("gambling", "domains", "casino.example\n");
        Path other = Files.createDirectories(root.resolveSibling(root.getFileName() + "-other").resolve("gambling"));
        Files.writeString(other.resolve("domains"), "casino.example\n");
        CategoryLists lists =
                new ListLoader()
                        .load(
                                List.of(
                                        new ListSource("ut1", "2026-08-01", root),
                                        new ListSource("school", "v3", other.getParent())));

        assertThat(match(lists, "http://casino.example/")).extracting(Match::source).containsExactlyInAnyOrder("ut1", "school");
        assertThat(lists.sources()).extracting(s -> s.source().version()).containsExactly("2026-08-01", "v3");
    }

    @Test
    void reportTotalsAddUpAcrossFiles() throws Exception {
        write("gambling", "domains", "casino.example\nbad<\n");
        write("games", "domains", "game.example\n");
        SourceReport r = load().sources().get(0);
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(1);
    }

    @Test
    void missingSourceDirectoryIsAnIoError() {
        ListLoader loader = new ListLoader();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> loader.load(List.of(new ListSource("ut1", "x", root.resolve("absent")))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void localAllowAndBlockEntriesLiveInTheSameSnapshot() throws Exception {
        write("gambling", "domains", "casino.example\n");
        CategoryLists.Builder b = CategoryLists.builder();
        new ListLoader().loadInto(new ListSource("ut1", "1", root), b);
        b.allow(ListKind.DOMAINS, "casino.example").block(ListKind.URLS, "video.example/bad");
        CategoryLists lists = b.build();

        assertThat(match(lists, "http://casino.example/"))
                .extracting(Match::category)
                .containsExactlyInAnyOrder("gambling", CategoryLists.LOCAL_ALLOW);
        assertThat(match(lists, "http://video.example/bad/1"))
                .extracting(Match::category)
                .containsExactly(CategoryLists.LOCAL_BLOCK);
    }
}
