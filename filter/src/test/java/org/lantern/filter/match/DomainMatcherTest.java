package org.lantern.filter.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lantern.filter.url.UrlNormaliser;

class DomainMatcherTest {

    private static final ListId GAMBLING = new ListId("gambling", "ut1");
    private static final ListId ADULT = new ListId("adult", "ut1");

    private final UrlNormaliser normaliser = new UrlNormaliser();

    private static DomainMatcher matcherOf(ListId list, String... entries) throws InvalidEntryException {
        DomainMatcher.Builder b = DomainMatcher.builder();
        for (String e : entries) {
            b.add(e, list);
        }
        return b.build();
    }

    private List<Match> match(DomainMatcher m, String url) throws Exception {
        return m.match(normaliser.normalise(url));
    }

    @Test
    void entryMatchesItsOwnHost() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "bad.example"), "http://bad.example/"))
                .containsExactly(new Match(GAMBLING, "bad.example", MatchKind.DOMAIN));
    }

    @Test
    void entryMatchesSubdomains() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "bad.example"), "http://a.b.bad.example/")).hasSize(1);
    }

    @Test
    void entryDoesNotMatchHostThatOnlyEndsWithTheSameCharacters() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "bad.example"), "http://notbad.example/")).isEmpty();
    }

    @Test
    void entryDoesNotMatchHostWhereItIsOnlyAPrefix() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "bad.example"), "http://bad.example.org/")).isEmpty();
    }

    @Test
    void entryDoesNotMatchItsParentDomain() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "a.bad.example"), "http://bad.example/")).isEmpty();
    }

    @Test
    void topLevelEntryMatchesEveryHostUnderIt() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "casino"), "http://x.casino/")).hasSize(1);
    }

    @Test
    void leadingDotInEntryIsIgnored() throws Exception {
        assertThat(match(matcherOf(GAMBLING, ".bad.example"), "http://bad.example/")).hasSize(1);
    }

    @Test
    void leadingWildcardInEntryIsIgnored() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "*.bad.example"), "http://bad.example/")).hasSize(1);
    }

    @Test
    void entryIsNormalisedLikeRequests() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "BÜCHER.example."), "http://xn--bcher-kva.example/")).hasSize(1);
    }

    @Test
    void ipEntryMatchesIpHostInAnyNumericForm() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "192.168.1.1"), "http://3232235777/")).hasSize(1);
    }

    @Test
    void ipEntryDoesNotMatchByPartialAddress() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "168.1.1"), "http://192.168.1.1/")).isEmpty();
    }

    @Test
    void ipv6EntryMatchesExactly() throws Exception {
        assertThat(match(matcherOf(GAMBLING, "[2001:db8::1]"), "http://[2001:DB8:0::1]/")).hasSize(1);
    }

    @Test
    void everyMatchingListIsReturned() throws Exception {
        DomainMatcher.Builder b = DomainMatcher.builder();
        b.add("bad.example", GAMBLING);
        b.add("bad.example", ADULT);
        assertThat(b.build().matchHost("bad.example", false))
                .extracting(Match::list)
                .containsExactlyInAnyOrder(GAMBLING, ADULT);
    }

    @Test
    void mostSpecificEntryComesFirst() throws Exception {
        DomainMatcher.Builder b = DomainMatcher.builder();
        b.add("example", ADULT);
        b.add("bad.example", GAMBLING);
        assertThat(b.build().matchHost("www.bad.example", false))
                .extracting(Match::entry)
                .containsExactly("bad.example", "example");
    }

    @Test
    void duplicateEntryInOneListCountsOnce() throws Exception {
        DomainMatcher m = matcherOf(GAMBLING, "bad.example", "BAD.example");
        assertThat(m.size()).isEqualTo(1);
        assertThat(m.matchHost("bad.example", false)).hasSize(1);
    }

    @Test
    void manyEntriesSurviveTableGrowth() throws Exception {
        DomainMatcher.Builder b = DomainMatcher.builder();
        for (int i = 0; i < 50_000; i++) {
            b.add("host" + i + ".example", GAMBLING);
        }
        DomainMatcher m = b.build();
        assertThat(m.size()).isEqualTo(50_000);
        assertThat(m.matchHost("www.host49999.example", false)).hasSize(1);
        assertThat(m.matchHost("host50000.example", false)).isEmpty();
    }

    @Test
    void everyEntryOfALargeListIsFoundPastTheSuffixFilterAtEverySize() throws Exception {
        // The suffix filter is sized from the entry count: check sizes either side of its steps.
        for (int count : new int[] {1, 3, 4, 5, 63, 64, 65, 1_000, 4_097, 30_000}) {
            DomainMatcher.Builder b = DomainMatcher.builder();
            for (int i = 0; i < count; i++) {
                b.add("site" + i + ".example", GAMBLING);
            }
            DomainMatcher m = b.build();
            for (int i = 0; i < count; i++) {
                assertThat(m.matchHost("a.b.site" + i + ".example", false)).as("%d of %d", i, count).hasSize(1);
            }
            assertThat(m.matchHost("site" + count + ".example", false)).isEmpty();
        }
    }

    @Test
    void emptyMatcherMatchesNothing() throws Exception {
        assertThat(DomainMatcher.builder().build().matchHost("bad.example", false)).isEmpty();
    }

    @Test
    void entryWithPathIsRejected() {
        assertThatThrownBy(() -> DomainMatcher.builder().add("bad.example/x", GAMBLING))
                .isInstanceOf(InvalidEntryException.class);
    }

    @Test
    void entryWithInvalidCharactersIsRejected() {
        assertThatThrownBy(() -> DomainMatcher.builder().add("bad<>.example", GAMBLING))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("INVALID_HOST");
    }
}
