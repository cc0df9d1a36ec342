package org.lantern.filter.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lantern.filter.url.UrlNormaliser;

class ExpressionMatcherTest {

    private static final ListId ADULT = new ListId("adult", "ut1");

    private final UrlNormaliser normaliser = new UrlNormaliser();

    private ExpressionMatcher matcherOf(String expression) throws InvalidEntryException {
        ExpressionMatcher.Builder b = ExpressionMatcher.builder();
        b.add(expression, ADULT);
        return b.build();
    }

    @Test
    void expressionFoundAnywhereInHostPathAndQueryMatches() throws Exception {
        assertThat(matcherOf("poker").match(normaliser.normalise("http://a.example/x?game=poker")))
                .containsExactly(new Match(ADULT, "poker", MatchKind.EXPRESSION));
    }

    @Test
    void matchingIgnoresCaseAsSquidGuardRegIcase() throws Exception {
        assertThat(matcherOf("POKER").match(normaliser.normalise("http://a.example/poker"))).hasSize(1);
    }

    @Test
    void expressionDoesNotSeeTheScheme() throws Exception {
        assertThat(matcherOf("^http").match(normaliser.normalise("http://a.example/"))).isEmpty();
    }

    @Test
    void anchoredExpressionMatchesStartOfHost() throws Exception {
        assertThat(matcherOf("^a\\.example/").match(normaliser.normalise("http://a.example/"))).hasSize(1);
    }

    @Test
    void posixCharacterClassesAreSupported() throws Exception {
        assertThat(matcherOf("[[:digit:]]{3}").match(normaliser.normalise("http://a.example/123"))).hasSize(1);
    }

    @Test
    void catastrophicBacktrackingPatternRunsInLinearTime() throws Exception {
        ExpressionMatcher m = matcherOf("(a+)+$");
        String url = "http://a.example/" + "a".repeat(5000) + "!";
        assertThat(m.match(normaliser.normalise(url))).isEmpty();
    }

    @Test
    void backreferenceIsRejected() {
        assertThatThrownBy(() -> ExpressionMatcher.builder().add("(a)\\1", ADULT))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("RE2");
    }

    @Test
    void unbalancedParenthesisIsRejected() {
        assertThatThrownBy(() -> ExpressionMatcher.builder().add("(abc", ADULT))
                .isInstanceOf(InvalidEntryException.class);
    }

    @Test
    void overLongExpressionIsRejected() {
        assertThatThrownBy(() -> ExpressionMatcher.builder().add("a".repeat(5000), ADULT))
                .isInstanceOf(InvalidEntryException.class);
    }
}
