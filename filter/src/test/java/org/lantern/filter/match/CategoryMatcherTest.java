package org.lantern.filter.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lantern.filter.url.UrlNormaliser;

class CategoryMatcherTest {

    private static final ListId GAMBLING = new ListId("gambling", "ut1");

    @Test
    void matchesOfEveryKindAreReportedDomainFirst() throws Exception {
        DomainMatcher.Builder d = DomainMatcher.builder();
        d.add("bad.example", GAMBLING);
        UrlListMatcher.Builder u = UrlListMatcher.builder();
        u.add("bad.example/poker", GAMBLING);
        ExpressionMatcher.Builder e = ExpressionMatcher.builder();
        e.add("poker", GAMBLING);
        CategoryMatcher m = new CategoryMatcher(d.build(), u.build(), e.build());

        assertThat(m.match(new UrlNormaliser().normalise("http://www.bad.example/poker")))
                .extracting(Match::kind)
                .containsExactly(MatchKind.DOMAIN, MatchKind.URL, MatchKind.EXPRESSION);
    }

    @Test
    void everyMatchNamesItsCategoryAndSource() throws Exception {
        DomainMatcher.Builder d = DomainMatcher.builder();
        d.add("bad.example", GAMBLING);
        CategoryMatcher m =
                new CategoryMatcher(d.build(), UrlListMatcher.builder().build(), ExpressionMatcher.builder().build());

        Match match = m.match(new UrlNormaliser().normalise("http://bad.example/")).get(0);
        assertThat(match.category()).isEqualTo("gambling");
        assertThat(match.source()).isEqualTo("ut1");
        assertThat(match.entry()).isEqualTo("bad.example");
    }
}
