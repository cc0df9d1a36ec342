package org.lantern.filter.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path answers exactly as the general parser does, and only for URLs already canonical. */
class PlainUrlTest {

    private final UrlNormaliser normaliser = new UrlNormaliser();

    /** Characters that change how a URL parses, inserted at every position of the seeds below. */
    private static final String TRICKY = "./\\?#%@:[]xX-_0 \t\r\n\u0000\u007f\u00e9\ufffdA";

    private static final List<String> SEEDS = List.of(
            "http://a.example/",
            "https://www.bad.example/a/b.html?q=1&r=2#top",
            "http://ab.cd/x/../y/./z?",
            "https://xn--bcher-kva.example/",
            "http://192.168.0.1/a",
            "http://a.b/..",
            "http://a.b");

    @ParameterizedTest
    @ValueSource(strings = {
        "http://a.example", "https://a.example/", "http://a.example/path/to/page.html",
        "https://a.example/a/?x=1&y=/..//", "http://a.example/a/b/", "http://a.example/...",
        "http://a-b_c.example/p?", "http://a.example#frag", "http://a.example/p#f?g", "http://localhost/",
        "http://a.example/%7e", "HTTP://a.example/", "http://A.example/", "http://a.example./",
        "http://a..example/", "http://xn--bcher-kva.example/", "http://a.example:8080/", "http://u@a.example/",
        "http://a.example/a/./b", "http://a.example/a/../b", "http://a.example//b", "http://a.example/a\\b",
        "http://10.0.0.1/", "http://a.0x1f/", "http://a.1b/", "http:///a.example/", "http://a.example/ x",
        "http://a.example/\t", "http://a.example/é", "http://a.example/?q=é", "http://a.example/.",
        "http://a.example/a/..?q", "http://a.example/a/.#f", "http://[::1]/", "http:// a.example/", ""})
    void answersAsTheGeneralParserOrLeavesItToIt(String url) {
        assertSameAsGeneral(url);
    }

    @Test
    void takesCanonicalUrls() {
        assertThat(PlainUrl.parse("https://www.bad.example/a/b.html?q=1")).isEqualTo(
                new NormalisedUrl("https", "www.bad.example", -1, "/a/b.html", "q=1", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "HTTP://a.example/", "http://A.example/", "http://a.example./", "http://xn--bcher-kva.example/",
        "http://a.example:80/", "http://u@a.example/", "http://a.example/a/../b", "http://a.example//b",
        "http://a.example/%61", "http://10.0.0.1/", "http://a.0x1f/", "http://a.example/\t", "ftp://a.example/"})
    void leavesEverythingElseToTheGeneralParser(String url) {
        assertThat(PlainUrl.parse(url)).isNull();
    }

    @Test
    void agreesWithTheGeneralParserOnEveryOneCharacterMutationOfTheSeeds() {
        int checked = 0;
        for (String seed : SEEDS) {
            for (int at = 0; at <= seed.length(); at++) {
                for (char c : TRICKY.toCharArray()) {
                    assertSameAsGeneral(seed.substring(0, at) + c + seed.substring(at));
                    if (at < seed.length()) {
                        assertSameAsGeneral(seed.substring(0, at) + c + seed.substring(at + 1));
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void agreesWithTheGeneralParserOnTheSharedStreamAndTakesMostOfIt() throws IOException {
        Optional<Path> stream = sharedStream();
        assumeTrue(stream.isPresent(), "SKIPPED: shared test data not found (no shared/data/urls/stream-200k.txt"
                + " above the working directory); the fast path's stream test needs it");
        List<String> urls = Files.readAllLines(stream.get());
        List<String> fast = new ArrayList<>();
        for (String url : urls) {
            if (assertSameAsGeneral(url)) {
                fast.add(url);
            }
        }
        assertThat(fast.size()).as("URLs of the stream on the fast path").isGreaterThan(urls.size() * 9 / 10);
    }

    /** @return whether the fast path answered */
    private boolean assertSameAsGeneral(String url) {
        NormalisedUrl fast = PlainUrl.parse(url);
        if (fast == null) {
            return false;
        }
        NormalisedUrl full;
        try {
            full = normaliser.normaliseInFull(url);
        } catch (MalformedUrlException e) {
            throw new AssertionError("fast path accepted " + url + ", which the general parser rejects: " + e, e);
        }
        assertThat(fast).as(url).isEqualTo(full);
        return true;
    }

    private static Optional<Path> sharedStream() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/urls/stream-200k.txt");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
