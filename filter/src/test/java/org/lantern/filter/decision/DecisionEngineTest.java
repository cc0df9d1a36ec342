package org.lantern.filter.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.match.ListId;
import org.lantern.policy.Level;
import org.lantern.policy.PolicyDocument;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;

/**
 * The decision procedure over the Astley Park preset (seed 002) and small synthetic lists.
 * January, so Europe/London is UTC: Monday 09:30 is in lessons, 10:35 is break, Saturday is neither.
 */
class DecisionEngineTest {

    private static final PolicyDocument ASTLEY = PolicyParser.parse(Presets.yaml("astley-park"));
    private static final Instant MONDAY_LESSON = Instant.parse("2026-01-05T09:30:00Z");
    private static final Instant MONDAY_BREAK = Instant.parse("2026-01-05T10:35:00Z");
    private static final Instant SATURDAY = Instant.parse("2026-01-10T11:00:00Z");

    private static final Subject KS3_PUPIL = new Subject("p-ks3", "Ada Pupil", "ks3", true);
    private static final Subject TEACHER = new Subject("s-1", "Tom Teacher", "staff", true);
    private static final Subject NOMINATED = new Subject("s-2", "Nia Nominated", "nominated-staff", true);
    private static final Subject LEAVER = new Subject("p-left", "Lee Leaver", "ks4", false);
    private static final Subject STALE_GROUP = new Subject("p-old", "Otto Old", "year-7-2019", true);

    private static final CategoryLists LISTS = lists();
    private static final Directory DIRECTORY = InMemoryDirectory.builder()
            .user("ada", KS3_PUPIL)
            .user("tom", TEACHER)
            .user("nia", NOMINATED)
            .user("lee", LEAVER)
            .user("otto", STALE_GROUP)
            .ip("10.0.0.7", TEACHER)
            .build();

    private final FilterSnapshot snapshot = FilterSnapshot.of(ASTLEY, 7).withLists(LISTS).withDirectory(DIRECTORY)
            .withIllegalContent(illegalList());

    private static CategoryLists lists() {
        try {
            CategoryLists.Builder b = CategoryLists.builder();
            b.add(new ListId("gambling", "test"), ListKind.DOMAINS, "bet.example");
            b.add(new ListId("educational_games", "test"), ListKind.DOMAINS, "mathsgame.example");
            b.add(new ListId("social_networks", "test"), ListKind.DOMAINS, "social.example");
            b.add(new ListId("audio-video", "test"), ListKind.DOMAINS, "video.example");
            b.add(new ListId("adult", "test"), ListKind.DOMAINS, "adult.example");
            b.add(new ListId("redirector", "test"), ListKind.DOMAINS, "proxy.example");
            b.add(new ListId("vpn", "test"), ListKind.DOMAINS, "vpn.example");
            b.add(new ListId("doh", "test"), ListKind.DOMAINS, "doh.example");
            b.add(new ListId("residential-proxies", "test"), ListKind.DOMAINS, "resi.example");
            b.add(new ListId("press", "test"), ListKind.DOMAINS, "news.example");
            b.add(new ListId("iwf-child-abuse", "test"), ListKind.DOMAINS, "csam-category.invalid");
            b.add(new ListId("gambling", "test"), ListKind.DOMAINS, "allowed-bet.example");
            b.allow(ListKind.DOMAINS, "allowed-bet.example");
            b.allow(ListKind.DOMAINS, "csam-category.invalid");
            b.allow(ListKind.DOMAINS, "abuse.invalid");
            b.allow(ListKind.DOMAINS, "192.0.2.10");
            b.block(ListKind.DOMAINS, "blocked-locally.example");
            return b.build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static IllegalContentList illegalList() {
        try {
            return IllegalContentList.builder().addUrl("iwf-child-abuse", "http://abuse.invalid/images/").build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Decision decide(FilterSnapshot s, String url, String user, Instant at) throws Exception {
        return s.decide(DecisionRequest.of(url, "GET", user, null, at));
    }

    private Decision decide(String url, String user, Instant at) throws Exception {
        return decide(snapshot, url, user, at);
    }

    private static UnblockException exception(String id, String domain, Set<String> groups, Instant from,
            Instant until) throws Exception {
        return UnblockException.forDomain(id, domain, groups, Set.of(), from, until, "Mrs Head",
                "probability lesson");
    }

    @Test
    void unacceptableActivityBlocksAndNamesListEntryCategoryRowLevelAndVersion() throws Exception {
        Decision d = decide("https://www.bet.example/roulette", "ada", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.rule()).isEqualTo(Rule.POLICY);
        assertThat(d.match().entry()).isEqualTo("bet.example");
        assertThat(d.match().category()).isEqualTo("gambling");
        assertThat(d.policyCategory()).isEqualTo("gambling");
        assertThat(d.activityId()).isEqualTo("online-gambling");
        assertThat(d.level()).isEqualTo(Level.UNACCEPTABLE);
        assertThat(d.policyVersion()).isEqualTo(7);
        assertThat(d.subject()).isEqualTo(KS3_PUPIL);
        assertThat(d.reason()).contains("Gambling").contains("Online gambling");
        assertThat(d.bypassAttempt()).isFalse();
    }

    @Test
    void acceptableActivityIsAllowedWithoutLogging() throws Exception {
        Decision d = decide("http://mathsgame.example/", "ada", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.level()).isEqualTo(Level.ACCEPTABLE);
        assertThat(d.activityId()).isEqualTo("online-gaming-educational");
    }

    @Test
    void nominatedUsersAreAllowedButLogged() throws Exception {
        Decision d = decide("http://social.example/", "nia", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.ALLOW_AND_LOG);
        assertThat(d.level()).isEqualTo(Level.ACCEPTABLE_FOR_NOMINATED_USERS);
    }

    @Test
    void staffWhoAreNotNominatedAreBlocked() throws Exception {
        Decision d = decide("http://social.example/", "tom", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.level()).isEqualTo(Level.UNACCEPTABLE);
    }

    @Test
    void certainTimesActivityIsAllowedButLoggedInsideItsWindow() throws Exception {
        Decision d = decide("http://video.example/watch", "ada", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.ALLOW_AND_LOG);
        assertThat(d.level()).isEqualTo(Level.ACCEPTABLE_AT_CERTAIN_TIMES);
    }

    @Test
    void certainTimesActivityIsBlockedOutsideItsWindow() throws Exception {
        assertThat(decide("http://video.example/watch", "ada", MONDAY_BREAK).action()).isEqualTo(Action.BLOCK);
        assertThat(decide("http://video.example/watch", "ada", SATURDAY).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void pornographyIsBlockedWithoutAnAlertUnderThePreset() throws Exception {
        Decision d = decide("http://adult.example/", "tom", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.activityId()).isEqualTo("pornography");
        assertThat(d.level()).isEqualTo(Level.UNACCEPTABLE);
    }

    @Test
    void mostRestrictiveRowWinsSoAnIllegalVerdictOnTheSameCategoryAlerts() throws Exception {
        // A school that links its extreme-pornography row to the pornography lists too (the preset
        // does not): the illegal row is the more restrictive, so it decides and alerts.
        PolicyDocument linked = PolicyParser.parse(Presets.yaml("astley-park").replaceFirst(
                "(Criminal Justice and Immigration Act 2008\"\n    categories: )\\[\\]", "$1[pornography]"));
        Decision d = decide(FilterSnapshot.of(linked, 8).withLists(LISTS).withDirectory(DIRECTORY)
                .withIllegalContent(illegalList()), "http://adult.example/", "tom", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.BLOCK_AND_ALERT);
        assertThat(d.rule()).isEqualTo(Rule.POLICY);
        assertThat(d.activityId()).isEqualTo("extreme-pornography");
        assertThat(d.level()).isEqualTo(Level.UNACCEPTABLE_AND_ILLEGAL);
    }

    @Test
    void illegalListBlocksAndAlertsForEveryone() throws Exception {
        for (String user : new String[] {"ada", "tom", "nia", null}) {
            Decision d = decide("http://abuse.invalid/images/1.jpg", user, MONDAY_LESSON);

            assertThat(d.action()).isEqualTo(Action.BLOCK_AND_ALERT);
            assertThat(d.rule()).isEqualTo(Rule.ILLEGAL_LIST);
            assertThat(d.policyCategory()).isEqualTo("child-abuse");
            assertThat(d.match().source()).isEqualTo(IllegalContentList.SOURCE);
        }
    }

    @Test
    void illegalListBeatsTheLocalAllowList() throws Exception {
        // abuse.invalid is on the local allow list too.
        assertThat(decide("http://abuse.invalid/images/1.jpg", "tom", SATURDAY).rule()).isEqualTo(Rule.ILLEGAL_LIST);
    }

    @Test
    void illegalListIgnoresAnActiveUnblockException() throws Exception {
        FilterSnapshot s = snapshot.withExceptions(List.of(exception("ex-1", "abuse.invalid",
                Set.of("staff"), MONDAY_LESSON.minusSeconds(60), MONDAY_LESSON.plusSeconds(3600))));

        Decision d = decide(s, "http://abuse.invalid/images/1.jpg", "tom", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.BLOCK_AND_ALERT);
        assertThat(d.exceptionId()).isNull();
    }

    @Test
    void illegalListApplieseEvenToSomeoneWhoseAccessWasRemoved() throws Exception {
        assertThat(decide("http://abuse.invalid/images/1.jpg", "lee", SATURDAY).action())
                .isEqualTo(Action.BLOCK_AND_ALERT);
    }

    @Test
    void illegalPolicyCategoryBeatsLocalAllowAndUnblockException() throws Exception {
        FilterSnapshot s = snapshot.withExceptions(List.of(exception("ex-2", "csam-category.invalid",
                Set.of("staff"), MONDAY_LESSON.minusSeconds(60), MONDAY_LESSON.plusSeconds(3600))));

        Decision d = decide(s, "http://csam-category.invalid/", "tom", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.BLOCK_AND_ALERT);
        assertThat(d.rule()).isEqualTo(Rule.ILLEGAL_CATEGORY);
        assertThat(d.policyCategory()).isEqualTo("child-abuse");
    }

    @Test
    void leaverIsBlockedOnAnUnlistedSite() throws Exception {
        Decision d = decide("https://www.bbc.co.uk/", "lee", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.rule()).isEqualTo(Rule.ACCESS_REMOVED);
        assertThat(d.subject()).isEqualTo(LEAVER);
    }

    @Test
    void leaverIsBlockedEvenOnTheLocalAllowListAndUnderAnException() throws Exception {
        FilterSnapshot s = snapshot.withExceptions(List.of(exception("ex-3", "allowed-bet.example",
                Set.of("ks4"), MONDAY_LESSON.minusSeconds(60), MONDAY_LESSON.plusSeconds(3600))));

        assertThat(decide(s, "http://allowed-bet.example/", "lee", MONDAY_LESSON).rule())
                .isEqualTo(Rule.ACCESS_REMOVED);
    }

    @Test
    void unknownUserIsJudgedAsTheVisitorGroup() throws Exception {
        Decision d = decide("http://social.example/", "stranger", SATURDAY);

        assertThat(d.subject().groupId()).isEqualTo("visitors");
        assertThat(d.subject().personId()).isNull();
        assertThat(d.action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void clientIpIdentifiesWhenThereIsNoUserName() throws Exception {
        Decision d = snapshot.decide(DecisionRequest.of("http://x.example/", "GET", null, "10.0.0.7", SATURDAY));

        assertThat(d.subject()).isEqualTo(TEACHER);
    }

    @Test
    void directoryGroupMissingFromThePolicyFallsBackToTheDefaultGroup() throws Exception {
        Decision d = decide("http://x.example/", "otto", SATURDAY);

        assertThat(d.subject().groupId()).isEqualTo("visitors");
        assertThat(d.subject().personId()).isEqualTo("p-old");
        assertThat(d.subject().groupReason()).contains("year-7-2019", "default group");
    }

    @Test
    void failingDirectoryJudgesTheRequestAsUnidentified() throws Exception {
        Directory broken = (user, ip) -> {
            throw new IllegalStateException("LDAP down");
        };

        Decision d = decide(snapshot.withDirectory(broken), "http://bet.example/", "ada", SATURDAY);

        assertThat(d.subject().groupId()).isEqualTo("visitors");
        assertThat(d.action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void configuredDefaultGroupIsUsedForUnknownUsers() throws Exception {
        FilterSnapshot s = snapshot.withSettings(FilterSettings.defaults().withDefaultGroup("fs-ks1"));

        assertThat(decide(s, "http://x.example/", null, SATURDAY).subject().groupId()).isEqualTo("fs-ks1");
    }

    @Test
    void policyWithoutVisitorGroupNeedsAConfiguredDefaultGroup() {
        PolicyDocument noVisitors = PolicyParser.parse(Presets.yaml("astley-park")
                .replace("  - {id: visitors, name: Visitors, kind: visitor}\n", ""));

        assertThatThrownBy(() -> FilterSnapshot.of(noVisitors, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default group");
    }

    @Test
    void defaultGroupMustBeAGroupOfThePolicy() {
        assertThatThrownBy(() -> snapshot.withSettings(FilterSettings.defaults().withDefaultGroup("nobody")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody");
    }

    @Test
    void activeUnblockExceptionAllowsAndLogsForItsGroup() throws Exception {
        FilterSnapshot s = snapshot.withExceptions(List.of(exception("ex-4", "bet.example", Set.of("ks3"),
                MONDAY_LESSON.minusSeconds(60), MONDAY_LESSON.plusSeconds(3600))));

        Decision d = decide(s, "http://www.bet.example/odds", "ada", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.ALLOW_AND_LOG);
        assertThat(d.rule()).isEqualTo(Rule.UNBLOCK_EXCEPTION);
        assertThat(d.exceptionId()).isEqualTo("ex-4");
        assertThat(d.reason()).contains("Mrs Head").contains("probability lesson");
    }

    @Test
    void unblockExceptionForAPersonAppliesToThatPersonOnly() throws Exception {
        UnblockException forAda = UnblockException.forDomain("ex-5", "bet.example", Set.of(), Set.of("p-ks3"),
                SATURDAY.minusSeconds(60), SATURDAY.plusSeconds(60), "Mrs Head", "project");
        FilterSnapshot s = snapshot.withExceptions(List.of(forAda));

        assertThat(decide(s, "http://bet.example/", "ada", SATURDAY).action()).isEqualTo(Action.ALLOW_AND_LOG);
        assertThat(decide(s, "http://bet.example/", "tom", SATURDAY).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void expiredUnblockExceptionIsIgnored() throws Exception {
        FilterSnapshot s = snapshot.withExceptions(List.of(exception("ex-6", "bet.example", Set.of("ks3"),
                MONDAY_LESSON.minus(Duration.ofHours(2)), MONDAY_LESSON.minus(Duration.ofHours(1)))));

        assertThat(decide(s, "http://bet.example/", "ada", MONDAY_LESSON).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void unblockExceptionEndsExactlyAtItsUntilInstant() throws Exception {
        FilterSnapshot s = snapshot.withExceptions(List.of(exception("ex-7", "bet.example", Set.of("ks3"),
                MONDAY_LESSON.minusSeconds(3600), MONDAY_LESSON)));

        assertThat(decide(s, "http://bet.example/", "ada", MONDAY_LESSON.minusNanos(1)).action())
                .isEqualTo(Action.ALLOW_AND_LOG);
        assertThat(decide(s, "http://bet.example/", "ada", MONDAY_LESSON).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void unblockExceptionNotYetStartedIsIgnored() throws Exception {
        FilterSnapshot s = snapshot.withExceptions(List.of(exception("ex-8", "bet.example", Set.of("ks3"),
                MONDAY_LESSON.plusSeconds(1), MONDAY_LESSON.plusSeconds(3600))));

        assertThat(decide(s, "http://bet.example/", "ada", MONDAY_LESSON).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void localAllowListBeatsACategoryBlock() throws Exception {
        Decision d = decide("http://allowed-bet.example/", "ada", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.rule()).isEqualTo(Rule.LOCAL_ALLOW);
        assertThat(d.match().category()).isEqualTo(CategoryLists.LOCAL_ALLOW);
    }

    @Test
    void localBlockListBlocksAnOtherwiseUnlistedSite() throws Exception {
        Decision d = decide("http://blocked-locally.example/", "tom", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.rule()).isEqualTo(Rule.LOCAL_BLOCK);
    }

    @Test
    void localBlockLayerBlocksWhileTheCategoryListsStayTheSameObject() throws Exception {
        FilterSnapshot s = snapshot.withLocalLists(withLocalBlock("homework-help.example"));

        Decision d = decide(s, "http://www.homework-help.example/answers", "ada", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.rule()).isEqualTo(Rule.LOCAL_BLOCK);
        assertThat(d.match().list()).isEqualTo(new ListId(CategoryLists.LOCAL_BLOCK, CategoryLists.LOCAL_SOURCE));
        assertThat(s.lists()).isSameAs(snapshot.lists());
    }

    @Test
    void localAllowLayerBeatsACategoryBlockInTheCategoryLists() throws Exception {
        FilterSnapshot s = snapshot.withLocalLists(localAllow("bet.example"));

        Decision d = decide(s, "http://bet.example/", "ada", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.rule()).isEqualTo(Rule.LOCAL_ALLOW);
    }

    @Test
    void localAllowLayerCannotOpenAnIllegalCategory() throws Exception {
        FilterSnapshot s = snapshot.withLocalLists(localAllow("csam-category.invalid"));

        assertThat(decide(s, "http://csam-category.invalid/", "ada", SATURDAY).rule()).isEqualTo(Rule.ILLEGAL_CATEGORY);
    }

    @Test
    void replacingTheLocalLayerLiftsItsOldEntries() throws Exception {
        FilterSnapshot blocked = snapshot.withLocalLists(withLocalBlock("homework-help.example"));

        FilterSnapshot lifted = blocked.withLocalLists(CategoryLists.empty());

        assertThat(decide(lifted, "http://homework-help.example/", "ada", SATURDAY).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void unlistedSiteIsAllowed() throws Exception {
        Decision d = decide("https://www.bbc.co.uk/news", "ada", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.rule()).isEqualTo(Rule.NO_MATCH);
        assertThat(d.match()).isNull();
    }

    @Test
    void listNoPolicyCategoryNamesIsAllowedAsUnregulated() throws Exception {
        Decision d = decide("http://news.example/", "ada", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.rule()).isEqualTo(Rule.UNREGULATED);
        assertThat(d.match().category()).isEqualTo("press");
    }

    @Test
    void proxyVpnDohAndResidentialProxyMatchesAreBypassAttempts() throws Exception {
        for (String host : new String[] {"proxy.example", "vpn.example", "doh.example", "resi.example"}) {
            Decision d = decide("https://" + host + "/", "ada", MONDAY_LESSON);

            assertThat(d.bypassAttempt()).as(host).isTrue();
            assertThat(d.action()).as(host).isEqualTo(Action.BLOCK);
            assertThat(d.activityId()).as(host).isEqualTo("filter-bypass");
        }
    }

    @Test
    void ordinaryBlockIsNotABypassAttempt() throws Exception {
        assertThat(decide("http://bet.example/", "ada", SATURDAY).bypassAttempt()).isFalse();
    }

    @Test
    void rawIpHostIsLoggedAsABypassAttemptByDefault() throws Exception {
        Decision d = decide("http://203.0.113.5/page", "ada", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.ALLOW_AND_LOG);
        assertThat(d.rule()).isEqualTo(Rule.RAW_IP);
        assertThat(d.bypassAttempt()).isTrue();
    }

    @Test
    void rawIpHostIsBlockedWhenTheSettingsSaySo() throws Exception {
        FilterSnapshot s = snapshot.withSettings(FilterSettings.defaults().withRawIpHosts(RawIpHosts.BLOCK));

        Decision d = decide(s, "http://0xcb.0.113.5/page", "ada", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.rule()).isEqualTo(Rule.RAW_IP);
        assertThat(d.bypassAttempt()).isTrue();
    }

    @Test
    void rawIpHostIsOrdinaryWhenTheSettingsAllowIt() throws Exception {
        FilterSnapshot s = snapshot.withSettings(FilterSettings.defaults().withRawIpHosts(RawIpHosts.ALLOW));

        Decision d = decide(s, "http://203.0.113.5/page", "ada", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.bypassAttempt()).isFalse();
    }

    @Test
    void rawIpOnTheLocalAllowListIsAllowedEvenWhenRawIpsAreBlocked() throws Exception {
        FilterSnapshot s = snapshot.withSettings(FilterSettings.defaults().withRawIpHosts(RawIpHosts.BLOCK));

        Decision d = decide(s, "http://192.0.2.10/intranet", "ada", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.rule()).isEqualTo(Rule.LOCAL_ALLOW);
    }

    @Test
    void allowedSearchCarriesTheSearchTermAndTheSafeSearchRewrite() throws Exception {
        Decision d = decide("https://www.google.co.uk/search?q=how+to+revise", "ada", MONDAY_LESSON);

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.searchTerm()).isEqualTo("how to revise");
        assertThat(d.rewriteUrl()).isEqualTo("https://www.google.co.uk/search?q=how+to+revise&safe=active");
    }

    @Test
    void connectToASearchEngineIsSentToItsSafeSearchHost() throws Exception {
        Decision d = snapshot.decide(DecisionRequest.of("www.google.com:443", "CONNECT", "ada", null, SATURDAY));

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.rewriteUrl()).isEqualTo("forcesafesearch.google.com:443");
    }

    @Test
    void blockedSearchStillRecordsTheSearchTermForMonitoring() throws Exception {
        FilterSnapshot s = snapshot.withLists(withLocalBlock("bing.com"));

        Decision d = decide(s, "https://www.bing.com/search?q=self%20harm", "ada", SATURDAY);

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.searchTerm()).isEqualTo("self harm");
        assertThat(d.rewriteUrl()).isNull();
    }

    @Test
    void engineSwapsInANewSnapshotAtomically() throws Exception {
        DecisionEngine engine = new DecisionEngine(snapshot);
        DecisionRequest request = DecisionRequest.of("http://fresh.example/", "GET", "ada", null, SATURDAY);
        assertThat(engine.decide(request).action()).isEqualTo(Action.ALLOW);

        engine.update(s -> s.withLists(withLocalBlock("fresh.example")).withPolicy(ASTLEY, 8));

        Decision d = engine.decide(request);
        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.policyVersion()).isEqualTo(8);
    }

    @Test
    void failedUpdateLeavesTheSnapshotInForce() {
        DecisionEngine engine = new DecisionEngine(snapshot);

        assertThatThrownBy(() -> engine.update(s -> s.withPolicy(ASTLEY, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.snapshot()).isSameAs(snapshot);
    }

    private static CategoryLists localAllow(String domain) {
        try {
            return CategoryLists.builder().allow(ListKind.DOMAINS, domain).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CategoryLists withLocalBlock(String domain) {
        try {
            return CategoryLists.builder().block(ListKind.DOMAINS, domain).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
