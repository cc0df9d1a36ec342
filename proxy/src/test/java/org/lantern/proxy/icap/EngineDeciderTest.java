package org.lantern.proxy.icap;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionEngine;
import org.lantern.filter.decision.FilterSnapshot;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.match.ListId;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;

import static org.assertj.core.api.Assertions.assertThat;

class EngineDeciderTest {

    private final List<Decision> seen = new ArrayList<>();

    private DecisionEngine engine;

    private EngineDecider decider() throws Exception {
        CategoryLists.Builder lists = CategoryLists.builder();
        lists.block(ListKind.DOMAINS, "blocked.example");
        lists.add(new ListId("gambling", "test"), ListKind.DOMAINS, "casino.example");
        engine = new DecisionEngine(
                FilterSnapshot.of(PolicyParser.parse(Presets.yaml("astley-park")), 3).withLists(lists.build()));
        return new EngineDecider(engine, Clock.fixed(Instant.parse("2025-03-04T10:00:00Z"), ZoneOffset.UTC), seen::add);
    }

    @Test
    void aLocalBlockBecomesABlockWithTheDecisionsReason() throws Exception {
        IcapVerdict verdict = decider().decide("http://blocked.example/page", "GET", "", "");

        assertThat(verdict).isInstanceOf(IcapVerdict.Block.class);
        assertThat(((IcapVerdict.Block) verdict).reason()).isEqualTo(seen.getFirst().reason());
    }

    @Test
    void aPolicyBlockNamesThePolicyCategory() throws Exception {
        IcapVerdict verdict = decider().decide("http://casino.example/", "GET", "", "");

        assertThat(verdict).isEqualTo(new IcapVerdict.Block(seen.getFirst().reason(), "gambling"));
    }

    @Test
    void anUnlistedSiteIsAllowed() throws Exception {
        assertThat(decider().decide("http://library.example/", "GET", "", "")).isEqualTo(IcapVerdict.ALLOW);
        assertThat(seen.getFirst().action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void aSafeSearchRewriteBecomesAnIcapRewrite() throws Exception {
        IcapVerdict verdict = decider().decide("https://www.google.com/search?q=cats", "GET", "", "");

        assertThat(verdict).isEqualTo(new IcapVerdict.Rewrite(seen.getFirst().rewriteUrl()));
        assertThat(seen.getFirst().rewriteUrl()).isNotNull();
    }

    @Test
    void anUnreadableAddressIsBlockedWithoutADecision() throws Exception {
        IcapVerdict verdict = decider().decide("gopher://old.example/", "GET", "", "");

        assertThat(verdict).isEqualTo(new IcapVerdict.Block(EngineDecider.UNREADABLE, ""));
        assertThat(seen).isEmpty();
    }

    @Test
    void theDecisionIsJudgedAtTheClocksTimeForTheProxysUser() throws Exception {
        decider().decide("http://library.example/", "GET", "asmith", "10.0.0.7");

        assertThat(seen.getFirst().request().at()).isEqualTo(Instant.parse("2025-03-04T10:00:00Z"));
        assertThat(seen.getFirst().request().userName()).isEqualTo("asmith");
        assertThat(seen.getFirst().request().clientIp()).isEqualTo("10.0.0.7");
    }

    @Test
    void anAllowedYouTubeRequestIsSentOnWithYouTubeRestrictStrict() throws Exception {
        IcapVerdict verdict = decider().decide("http://www.youtube.com/watch?v=1", "GET", "", "");

        assertThat(verdict).isEqualTo(new IcapVerdict.Rewrite(null, Map.of("YouTube-Restrict", "Strict")));
    }

    @Test
    void theGenerationChangesWhenThePolicyOrListsAreReplaced() throws Exception {
        EngineDecider decider = decider();
        Object before = decider.generation();

        engine.update(snapshot -> snapshot.withLists(CategoryLists.builder().build()));

        assertThat(decider.generation()).isNotSameAs(before);
        assertThat(decider.generation()).isSameAs(decider.generation());
    }
}
