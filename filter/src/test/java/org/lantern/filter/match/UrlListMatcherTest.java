package org.lantern.filter.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;

class UrlListMatcherTest {

    private static final ListId GAMBLING = new ListId("gambling", "ut1");

    private final UrlNormaliser normaliser = new UrlNormaliser();

    private List<Match> match(String entry, String url) throws Exception {
        UrlListMatcher.Builder b = UrlListMatcher.builder();
        b.add(entry, GAMBLING);
        return b.build().match(normaliser.normalise(url));
    }

    @Test
    void everyListedHostIsFoundAmongThousandsAtEveryLabelSuffix() throws Exception {
        UrlListMatcher.Builder b = UrlListMatcher.builder();
        for (int i = 0; i < 5000; i++) {
            b.add("site" + i + ".example/p/", GAMBLING);
        }
        UrlListMatcher matcher = b.build();
        for (int i = 0; i < 5000; i++) {
            assertThat(matcher.match(normaliser.normalise("http://a.b.site" + i + ".example/p/x")))
                    .as("site%d.example", i).hasSize(1);
        }
    }

    @Test
    void hostLongerThanDnsAllowsStillMatchesItsListedSuffix() throws Exception {
        UrlListMatcher.Builder b = UrlListMatcher.builder();
        b.add("site.example/casino/", GAMBLING);
        String host = "a.".repeat(200) + "site.example";
        NormalisedUrl url = new NormalisedUrl("http", host, -1, "/casino/x", "", false);

        assertThat(b.build().match(url)).containsExactly(new Match(GAMBLING, "site.example/casino/", MatchKind.URL));
    }

    @Test
    void entryMatchesItsExactUrl() throws Exception {
        assertThat(match("site.example/casino/", "http://site.example/casino/"))
                .containsExactly(new Match(GAMBLING, "site.example/casino/", MatchKind.URL));
    }

    @Test
    void entryMatchesLongerPathsBelowIt() throws Exception {
        assertThat(match("site.example/casino/", "http://site.example/casino/poker?x=1")).hasSize(1);
    }

    @Test
    void pathIsAPlainPrefixAsInSquidGuard() throws Exception {
        assertThat(match("site.example/en", "http://site.example/english")).hasSize(1);
    }

    @Test
    void otherPathOnTheSameHostDoesNotMatch() throws Exception {
        assertThat(match("site.example/casino/", "http://site.example/news/")).isEmpty();
    }

    @Test
    void shorterPathDoesNotMatch() throws Exception {
        assertThat(match("site.example/casino/", "http://site.example/casino")).isEmpty();
    }

    @Test
    void wwwPrefixOfRequestIsIgnored() throws Exception {
        assertThat(match("site.example/casino", "http://www.site.example/casino")).hasSize(1);
    }

    @Test
    void numberedWwwPrefixOfEntryIsIgnored() throws Exception {
        assertThat(match("www2.site.example/casino", "http://site.example/casino")).hasSize(1);
    }

    @Test
    void subdomainOfEntryHostMatchesUnlikeSquidGuard() throws Exception {
        assertThat(match("site.example/casino", "http://m.site.example/casino")).hasSize(1);
    }

    @Test
    void hostThatOnlyStartsWithEntryHostDoesNotMatch() throws Exception {
        assertThat(match("site.example", "http://site.example.evil/")).isEmpty();
    }

    @Test
    void hostOnlyEntryMatchesEveryPath() throws Exception {
        assertThat(match("site.example", "http://site.example/any/thing")).hasSize(1);
    }

    @Test
    void pathComparisonIgnoresCase() throws Exception {
        assertThat(match("site.example/Casino", "http://site.example/CASINO/x")).hasSize(1);
    }

    @Test
    void encodedRequestPathMatchesPlainEntry() throws Exception {
        assertThat(match("site.example/casino", "http://site.example/%63asino")).hasSize(1);
    }

    @Test
    void dotSegmentsInRequestCannotHideTheListedPath() throws Exception {
        assertThat(match("site.example/casino", "http://site.example/news/../casino")).hasSize(1);
    }

    @Test
    void entryWithQueryMatchesThatQuery() throws Exception {
        assertThat(match("video.example/watch?v=abc", "http://video.example/watch?v=abc&t=1")).hasSize(1);
    }

    @Test
    void entryWithQueryDoesNotMatchOtherQuery() throws Exception {
        assertThat(match("video.example/watch?v=abc", "http://video.example/watch?v=xyz")).isEmpty();
    }

    @Test
    void schemePortAndCredentialsInEntryAreIgnored() throws Exception {
        assertThat(match("http://u@site.example:8080/casino", "http://site.example/casino")).hasSize(1);
    }

    @Test
    void ipEntryMatchesOnlyThatIp() throws Exception {
        assertThat(match("178.128.25.172/watch", "http://178.128.25.172/watch/1")).hasSize(1);
    }

    @Test
    void entryWithInvalidHostIsRejected() {
        assertThatThrownBy(() -> UrlListMatcher.builder().add("bad host/x", GAMBLING))
                .isInstanceOf(InvalidEntryException.class);
    }
}
