package org.lantern.filter.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;

/** SafeSearch rewrites, forced hosts for tunnels, and search-term extraction. */
class SafeSearchTest {

    private final SafeSearch safeSearch = new SafeSearch();
    private final UrlNormaliser normaliser = new UrlNormaliser();

    private String rewrite(String url) throws Exception {
        return safeSearch.rewrite(normaliser.normalise(url), false);
    }

    private String connect(String authority) throws Exception {
        return safeSearch.rewrite(normaliser.normaliseConnect(authority), true);
    }

    private String term(String url) throws Exception {
        return safeSearch.searchTerm(normaliser.normalise(url));
    }

    @Test
    void googleSearchGetsSafeActive() throws Exception {
        assertThat(rewrite("https://www.google.com/search?q=cats")).isEqualTo("https://www.google.com/search?q=cats&safe=active");
    }

    @Test
    void googleSafeOffIsReplaced() throws Exception {
        assertThat(rewrite("https://www.google.co.uk/search?safe=off&q=cats&safe=images"))
                .isEqualTo("https://www.google.co.uk/search?safe=active&q=cats&safe=active");
    }

    @Test
    void googleSearchAlreadySafeIsLeftAlone() throws Exception {
        assertThat(rewrite("https://www.google.com/search?q=cats&safe=active")).isNull();
    }

    @Test
    void googlePagesOtherThanSearchAreLeftAlone() throws Exception {
        assertThat(rewrite("https://www.google.com/maps?q=leeds")).isNull();
    }

    @Test
    void bingSearchGetsAdultStrict() throws Exception {
        assertThat(rewrite("https://www.bing.com/images/search?q=cats&adlt=off"))
                .isEqualTo("https://www.bing.com/images/search?q=cats&adlt=strict");
    }

    @Test
    void duckDuckGoSearchGetsKp1() throws Exception {
        assertThat(rewrite("https://duckduckgo.com/?q=cats")).isEqualTo("https://duckduckgo.com/?q=cats&kp=1");
    }

    @Test
    void nonDefaultPortIsKeptInTheRewrite() throws Exception {
        assertThat(rewrite("http://google.com:8080/search?q=x")).isEqualTo("http://google.com:8080/search?q=x&safe=active");
    }

    @Test
    void otherSitesAreNeverRewritten() throws Exception {
        assertThat(rewrite("https://www.bbc.co.uk/search?q=news")).isNull();
        assertThat(rewrite("https://google.evil.example/search?q=x")).isNull();
        assertThat(rewrite("http://142.250.180.14/search?q=x")).isNull();
    }

    @Test
    void tunnelsToSearchEnginesGoToTheirForcedSafeSearchHosts() throws Exception {
        assertThat(connect("www.google.com:443")).isEqualTo("forcesafesearch.google.com:443");
        assertThat(connect("google.co.uk:443")).isEqualTo("forcesafesearch.google.com:443");
        assertThat(connect("www.bing.com:443")).isEqualTo("strict.bing.com:443");
        assertThat(connect("duckduckgo.com:443")).isEqualTo("safe.duckduckgo.com:443");
        assertThat(connect("www.youtube.com:443")).isEqualTo("restrict.youtube.com:443");
        assertThat(connect("m.youtube.com:443")).isEqualTo("restrict.youtube.com:443");
        assertThat(connect("youtubei.googleapis.com:443")).isEqualTo("restrict.youtube.com:443");
    }

    @Test
    void tunnelsToForcedHostsAndOtherSitesAreLeftAlone() throws Exception {
        assertThat(connect("forcesafesearch.google.com:443")).isNull();
        assertThat(connect("strict.bing.com:443")).isNull();
        assertThat(connect("www.bbc.co.uk:443")).isNull();
    }

    @Test
    void searchTermsAreDecodedFromEachEngine() throws Exception {
        assertThat(term("https://www.google.com/search?q=how+to+tie%20a+tie")).isEqualTo("how to tie a tie");
        assertThat(term("https://www.bing.com/search?form=x&q=caf%C3%A9")).isEqualTo("café");
        assertThat(term("https://duckduckgo.com/?q=weather&ia=web")).isEqualTo("weather");
        assertThat(term("https://www.youtube.com/results?search_query=minecraft+songs")).isEqualTo("minecraft songs");
        assertThat(term("https://search.yahoo.com/search?p=homework")).isEqualTo("homework");
        assertThat(term("https://www.example.org/site-search?query=term+dates")).isEqualTo("term dates");
    }

    @Test
    void nonSearchRequestsHaveNoTerm() throws Exception {
        assertThat(term("https://www.google.com/maps?q=leeds")).isNull();
        assertThat(term("https://www.youtube.com/watch?v=abc")).isNull();
        assertThat(term("https://www.example.org/page?q=1")).isNull();
        assertThat(term("https://www.google.com/search?q=")).isNull();
        assertThat(term("https://www.google.com/search")).isNull();
    }

    @Test
    void malformedEscapeDoesNotLoseTheTerm() throws Exception {
        assertThat(term("https://www.google.com/search?q=100%25+sure%2")).isEqualTo("100% sure%2");
    }

    @Test
    void veryLongTermIsCut() throws Exception {
        NormalisedUrl url = normaliser.normalise("https://www.google.com/search?q=" + "a".repeat(2000));
        assertThat(safeSearch.searchTerm(url)).hasSize(SafeSearch.MAX_TERM_LENGTH);
    }

    @Test
    void parameterNameMustMatchWholly() throws Exception {
        assertThat(term("https://www.google.com/search?aq=x&oq=y")).isNull();
    }
}
