package org.lantern.filter.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lantern.filter.match.Match;
import org.lantern.filter.url.UrlNormaliser;

/** Illegal-content list forms (plain and hashed) and what each entry covers. */
class IllegalContentListTest {

    private static IllegalContentList list;
    private static IllegalContentList.LoadReport report;
    private final UrlNormaliser normaliser = new UrlNormaliser();

    @BeforeAll
    static void load() throws Exception {
        Path file = Path.of(IllegalContentListTest.class.getResource("illegal-synthetic.txt").toURI());
        IllegalContentList.Builder b = IllegalContentList.builder();
        report = b.load("iwf-child-abuse", file);
        list = b.build();
    }

    private Match match(String url) throws Exception {
        return list.match(normaliser.normalise(url));
    }

    @Test
    void loadCountsEntriesAndSkipsUnparseableLinesWithTheirLineNumber() {
        assertThat(report.accepted()).isEqualTo(5);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.firstProblems()).singleElement().asString().startsWith("line 9:");
        assertThat(list.size()).isEqualTo(5);
    }

    @Test
    void wholeSiteEntryCoversEveryPathAndSubdomain() throws Exception {
        assertThat(match("https://whole-site.invalid/any/page")).isNotNull();
        assertThat(match("http://www.cdn.whole-site.invalid/x.jpg")).isNotNull();
        assertThat(match("http://notwhole-site.invalid/")).isNull();
    }

    @Test
    void exactEntryMatchesInAnySpellingAndWithAnyQuery() throws Exception {
        Match m = match("https://EXACT.invalid./a/./b.html?utm=1");

        assertThat(m.entry()).isEqualTo("exact.invalid/a/b.html");
        assertThat(m.category()).isEqualTo("iwf-child-abuse");
        assertThat(m.source()).isEqualTo(IllegalContentList.SOURCE);
    }

    @Test
    void exactEntryDoesNotCoverSiblingsOrTheRestOfTheSite() throws Exception {
        assertThat(match("http://exact.invalid/a/c.html")).isNull();
        assertThat(match("http://exact.invalid/")).isNull();
    }

    @Test
    void folderEntryCoversEverythingBelowIt() throws Exception {
        assertThat(match("http://folder.invalid/dir/deeper/file")).isNotNull();
        assertThat(match("http://folder.invalid/directory")).isNull();
    }

    @Test
    void entryWithAQueryCoversOnlyThatQuery() throws Exception {
        assertThat(match("http://query.invalid/view?id=7")).isNotNull();
        assertThat(match("http://query.invalid/view?id=8")).isNull();
    }

    @Test
    void hashedEntryMatchesWithoutTheUrlBeingStored() throws Exception {
        Match m = match("http://hashed.invalid/secret/page.html");

        assertThat(m).isNotNull();
        assertThat(m.entry()).startsWith("sha256:").doesNotContain("hashed.invalid");
    }

    @Test
    void hashOfGivesTheFormSuppliersDistribute() throws Exception {
        assertThat(IllegalContentList.hashOf(normaliser.normalise("HTTP://hashed.invalid/secret/page.html")))
                .isEqualTo(match("http://hashed.invalid/secret/page.html").entry().substring("sha256:".length()));
    }

    @Test
    void hashedEntryAcceptsUpperCaseHex() throws Exception {
        String hash = IllegalContentList.hashOf(normaliser.normalise("http://upper.invalid/x"));
        IllegalContentList l = IllegalContentList.builder().addHash("ctiru-terrorism", hash.toUpperCase()).build();

        assertThat(l.match(normaliser.normalise("http://upper.invalid/x")).category()).isEqualTo("ctiru-terrorism");
    }

    @Test
    void malformedHashIsRefused() {
        assertThatThrownBy(() -> IllegalContentList.builder().addHash("ctiru-terrorism", "abc123"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyListMatchesNothing() throws Exception {
        assertThat(IllegalContentList.empty().match(normaliser.normalise("http://whole-site.invalid/"))).isNull();
    }

    @Test
    void connectTargetOfAWholeSiteEntryMatches() throws Exception {
        assertThat(list.match(normaliser.normaliseConnect("whole-site.invalid:443"))).isNotNull();
    }
}
