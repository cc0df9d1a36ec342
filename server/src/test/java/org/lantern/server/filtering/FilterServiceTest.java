package org.lantern.server.filtering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.server.policy.PolicyService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@FilteringTest
class FilterServiceTest {

    private static final Instant SCHOOL_DAY = Instant.parse("2025-03-04T10:00:00Z");

    @Autowired
    FilterService filter;
    @Autowired
    PolicyService policies;
    @Autowired
    LocalLists lists;

    private Integer restoreTo;

    @AfterEach
    void putThePolicyBack() {
        if (restoreTo != null) {
            policies.restore(restoreTo, "test", "undo the test's policy change");
        }
    }

    private Decision decide(String url) throws Exception {
        return filter.decide(DecisionRequest.of(url, "GET", null, null, SCHOOL_DAY));
    }

    private static String site() {
        return "s" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    @Test
    void theCategoryListStatusGivesEachSourcesProvenanceAndCountsByCategory() {
        filter.listsLoaded().join();

        CategoryListStatus status = filter.categoryListStatus();

        assertThat(status.failure()).isNull();
        assertThat(status.loading()).isFalse();
        assertThat(status.inForceSince()).isNotNull();
        assertThat(status.rows()).extracting(CategoryListStatus.CategoryRow::source, CategoryListStatus.CategoryRow::category,
                        CategoryListStatus.CategoryRow::domains, CategoryListStatus.CategoryRow::skipped)
                .containsExactly(tuple("lists", "gambling", 1, 0),
                        tuple("lists", "social_networks", 1, 0));
        assertThat(status.rows()).allSatisfy(row -> assertThat(row.version()).startsWith("files of "));
    }

    @Test
    void aNewPolicyVersionMakingGamblingAcceptableChangesTheDecisionAtOnce() throws Exception {
        filter.listsLoaded().join();
        assertThat(decide("http://casino.example/").action()).isEqualTo(Action.BLOCK);
        String yaml = policies.current().orElseThrow().yaml();
        restoreTo = policies.current().orElseThrow().number();

        policies.propose(yaml.replaceFirst(
                "(id: online-gambling\\s+text: \"Online gambling\"\\s+categories: \\[gambling\\]\\s+levels: )\\[unacceptable\\]",
                "$1[acceptable]"), "test", "gambling is studied in maths");

        Decision after = decide("http://casino.example/");
        assertThat(after.action()).isEqualTo(Action.ALLOW);
        assertThat(after.activityId()).isEqualTo("online-gambling");
        assertThat(after.policyVersion()).isEqualTo(policies.current().orElseThrow().number());
    }

    @Test
    void aSiteAddedToTheLocalBlockListIsBlockedAndTheChangeIsLogged() throws Exception {
        String site = site();
        lists.add(LocalLists.ListName.BLOCK, "http://" + site + "/", "teacher.one", "distracting in lessons");
        filter.listsLoaded().join();

        Decision d = decide("http://www." + site + "/play");
        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.rule()).isEqualTo(Rule.LOCAL_BLOCK);
        assertThat(d.match().entry()).isEqualTo(site);
        assertThat(lists.changes(10)).anySatisfy(c -> {
            assertThat(c.entry()).isEqualTo(site);
            assertThat(c.action()).isEqualTo("ADDED");
            assertThat(c.actor()).isEqualTo("teacher.one");
            assertThat(c.reason()).isEqualTo("distracting in lessons");
        });
    }

    @Test
    void aLocalBlockIsInForceWhenTheChangeReturnsWithoutReloadingTheCategoryLists() throws Exception {
        CategoryLists categories = filter.listsLoaded().join();
        CompletableFuture<CategoryLists> lastCategoryLoad = filter.listsLoaded();
        String site = site();

        lists.add(LocalLists.ListName.BLOCK, site, "teacher.one", "distracting in lessons");

        assertThat(decide("http://" + site + "/").rule()).isEqualTo(Rule.LOCAL_BLOCK);
        assertThat(filter.engine().snapshot().lists()).isSameAs(categories);
        assertThat(filter.listsLoaded()).isSameAs(lastCategoryLoad);
    }

    @Test
    void removingALocalEntryLiftsItAndIsLogged() throws Exception {
        String site = site();
        LocalLists.Entry entry = lists.add(LocalLists.ListName.BLOCK, site, "teacher.one", "distracting");
        assertThat(lists.remove(entry.id(), "teacher.two", "needed for a project")).isTrue();
        filter.listsLoaded().join();

        assertThat(decide("http://" + site + "/").action()).isEqualTo(Action.ALLOW);
        assertThat(lists.changes(10)).anySatisfy(c -> {
            assertThat(c.entry()).isEqualTo(site);
            assertThat(c.action()).isEqualTo("REMOVED");
            assertThat(c.actor()).isEqualTo("teacher.two");
        });
    }

    @Test
    void aLocalAllowEntryOpensASiteTheBlockListCloses() throws Exception {
        String site = site();
        lists.add(LocalLists.ListName.BLOCK, site, "t", "closed");
        lists.add(LocalLists.ListName.ALLOW, site + "/homework", "t", "homework pages are fine");
        filter.listsLoaded().join();

        assertThat(decide("http://" + site + "/homework/1").rule()).isEqualTo(Rule.LOCAL_ALLOW);
        assertThat(decide("http://" + site + "/games").rule()).isEqualTo(Rule.LOCAL_BLOCK);
    }

    @Test
    void anUnusableEntryIsRefusedAndNothingChanges() {
        int before = lists.changes(1000).size();

        assertThatThrownBy(() -> lists.add(LocalLists.ListName.BLOCK, "bad host!.example", "t", "why"))
                .isInstanceOf(LocalListException.class).hasMessageContaining("bad host!.example");
        assertThat(lists.changes(1000)).hasSize(before);
    }

    @Test
    void aChangeWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> lists.add(LocalLists.ListName.ALLOW, site(), "t", " "))
                .isInstanceOf(LocalListException.class).hasMessageContaining("Say why");
    }

    @Test
    void theSameEntryCannotBeAddedTwice() {
        String site = site();
        lists.add(LocalLists.ListName.ALLOW, site, "t", "first");

        assertThatThrownBy(() -> lists.add(LocalLists.ListName.ALLOW, site, "t", "again"))
                .isInstanceOf(LocalListException.class).hasMessageContaining("already on the allow list");
    }

    @Test
    void aUrlOnTheIllegalListIsIllegalContent() {
        assertThat(filter.isIllegal("https://www.abuse.invalid/any/page")).isTrue();
    }

    @Test
    void anOrdinaryUrlIsNotIllegalContent() {
        assertThat(filter.isIllegal("https://library.example/")).isFalse();
    }

    @Test
    void aLocalAllowEntryCannotOpenIllegalContent() throws Exception {
        lists.add(LocalLists.ListName.ALLOW, "abuse.invalid", "t", "attempt to open it");
        filter.listsLoaded().join();

        assertThat(decide("http://abuse.invalid/").action()).isEqualTo(Action.BLOCK_AND_ALERT);
        List<LocalLists.Entry> mine = lists.entries().stream().filter(e -> e.entry().equals("abuse.invalid")).toList();
        mine.forEach(e -> lists.remove(e.id(), "t", "test clean-up"));
    }

    @Test
    void categoryListsComeFromTheConfiguredDirectories() {
        CategoryLists loaded = filter.listsLoaded().join();

        assertThat(loaded.sources()).extracting(s -> s.source().name()).containsExactly("lists");
    }
}
