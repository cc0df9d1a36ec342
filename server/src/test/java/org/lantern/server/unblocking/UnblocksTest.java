package org.lantern.server.unblocking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.filter.decision.UnblockException;
import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.server.filtering.UnblockSource;
import org.lantern.server.filtering.UnblocksChanged;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantern.server.unblocking.UnblockTestData.count;
import static org.lantern.server.unblocking.UnblockTestData.draft;

@PersistenceTest
@RecordApplicationEvents
class UnblocksTest {

    @Autowired
    Unblocks unblocks;
    @Autowired
    UnblockSource source;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    private final Instant now = Instant.now();

    @Test
    void aGrantedRequestIsAnExceptionForTheFilterUntilItsEnd() {
        UnblockRequest asked = unblocks.request(draft("https://www.Gamble-Aware.example/odds?x=1", now), "t.teacher", now);
        unblocks.grant(asked.id(), "d.dsl", "Supports the probability scheme of work", now);

        UnblockException exception = source.current().stream()
                .filter(e -> e.id().equals("unblock-" + asked.id())).findFirst().orElseThrow();
        assertThat(exception.scope()).isEqualTo(Scope.DOMAIN);
        assertThat(exception.target()).isEqualTo("www.gamble-aware.example");
        assertThat(exception.groupIds()).containsExactly("ks4");
        assertThat(exception.approvedBy()).isEqualTo("d.dsl");
        assertThat(exception.activeAt(now.plus(Duration.ofHours(1)))).isTrue();
        assertThat(unblocks.current(asked.until())).noneMatch(e -> e.id().equals("unblock-" + asked.id()));
    }

    @Test
    void aUrlPrefixIsStoredInTheFormTheFilterMatches() {
        UnblockDraft prefix = new UnblockDraft("HTTP://Example.org/a/./b/../c/", Scope.URL_PREFIX, List.of("ks4"),
                List.of(), "reason", null, now.plus(Duration.ofDays(1)));

        assertThat(unblocks.request(prefix, "t.teacher", now).target()).isEqualTo("example.org/a/c/");
    }

    @Test
    void grantingTellsTheFilterToReload() {
        UnblockRequest asked = unblocks.request(draft("https://reload.example/", now), "t.teacher", now);
        unblocks.grant(asked.id(), "d.dsl", "fine", now);

        assertThat(events.stream(UnblocksChanged.class)).hasSize(1);
    }

    @Test
    void aPendingRequestOpensNothing() {
        UnblockRequest asked = unblocks.request(draft("https://pending.example/", now), "t.teacher", now);

        assertThat(source.current()).noneMatch(e -> e.id().equals("unblock-" + asked.id()));
        assertThat(events.stream(UnblocksChanged.class)).isEmpty();
    }

    @Test
    void aRefusalRecordsWhoAndWhyAndOpensNothing() {
        UnblockRequest asked = unblocks.request(draft("https://refused.example/", now), "t.teacher", now);

        UnblockRequest refused = unblocks.refuse(asked.id(), "d.dsl", "Use the BBC Bitesize page instead", now);

        assertThat(refused.status()).isEqualTo(UnblockStatus.REFUSED);
        assertThat(refused.decidedBy()).isEqualTo("d.dsl");
        assertThat(refused.decisionReason()).isEqualTo("Use the BBC Bitesize page instead");
        assertThat(source.current()).noneMatch(e -> e.id().equals("unblock-" + asked.id()));
    }

    @Test
    void illegalContentIsRefusedAtOnceAndTheAttemptIsRecorded() {
        int before = count(jdbc, "unblock_request");

        assertThatThrownBy(() -> unblocks.request(draft(IllegalAddresses.SITE, now), "t.teacher", now))
                .isInstanceOf(IllegalContentRefusedException.class)
                .hasMessageContaining("can never be unblocked");

        assertThat(count(jdbc, "unblock_request")).isEqualTo(before + 1);
        UnblockRequest refused = unblocks.requestedBy("t.teacher").getFirst();
        assertThat(refused.status()).isEqualTo(UnblockStatus.REFUSED);
        assertThat(unblocks.events(refused.id())).extracting(UnblockEvent::action)
                .containsExactly(UnblockAction.REQUESTED, UnblockAction.REFUSED_ILLEGAL);
    }

    @Test
    void anIllegalFolderIsRefusedEvenAsAUrlPrefix() {
        UnblockDraft folder = new UnblockDraft(IllegalAddresses.FOLDER, Scope.URL_PREFIX, List.of("ks4"),
                List.of(), "reason", null, now.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> unblocks.request(folder, "t.teacher", now))
                .isInstanceOf(IllegalContentRefusedException.class);
    }

    @Test
    void aRequestForAddressListedAsIllegalSinceCannotBeGranted() {
        // A request made before the address was listed: stored directly, as the lists are fixed in tests.
        UnblockRequest asked = unblocks.request(draft("https://later.example/", now), "t.teacher", now);
        jdbc.sql("UPDATE unblock_request SET target = 'abuse.invalid' WHERE id = :id").param("id", asked.id()).update();

        assertThatThrownBy(() -> unblocks.grant(asked.id(), "d.dsl", "fine", now))
                .isInstanceOf(IllegalContentRefusedException.class);

        assertThat(unblocks.get(asked.id()).status()).isEqualTo(UnblockStatus.REFUSED);
        assertThat(unblocks.events(asked.id())).extracting(UnblockEvent::action).last()
                .isEqualTo(UnblockAction.REFUSED_ILLEGAL);
        assertThat(source.current()).noneMatch(e -> e.id().equals("unblock-" + asked.id()));
    }

    @Test
    void anApproverCannotGrantTheirOwnRequest() {
        UnblockRequest asked = unblocks.request(draft("https://own.example/", now), "d.dsl", now);

        assertThatThrownBy(() -> unblocks.grant(asked.id(), "d.dsl", "fine", now))
                .isInstanceOf(UnblockRejectedException.class)
                .hasMessageContaining("cannot decide your own request");

        assertThat(unblocks.get(asked.id()).status()).isEqualTo(UnblockStatus.REQUESTED);
        assertThat(unblocks.events(asked.id())).hasSize(1);
    }

    @Test
    void aDecisionNeedsAReason() {
        UnblockRequest asked = unblocks.request(draft("https://reasonless.example/", now), "t.teacher", now);

        assertThatThrownBy(() -> unblocks.grant(asked.id(), "d.dsl", "  ", now))
                .isInstanceOf(UnblockRejectedException.class).hasMessageContaining("Reason");
        assertThat(unblocks.get(asked.id()).status()).isEqualTo(UnblockStatus.REQUESTED);
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() {
        UnblockRequest asked = unblocks.request(draft("https://twice.example/", now), "t.teacher", now);
        unblocks.refuse(asked.id(), "d.dsl", "no", now);

        assertThatThrownBy(() -> unblocks.grant(asked.id(), "a.admin", "yes", now))
                .isInstanceOf(UnblockRejectedException.class).hasMessageContaining("already refused");
    }

    @Test
    void theRequesterCanWithdrawAGrantedUnblockAndTheFilterIsTold() {
        UnblockRequest asked = unblocks.request(draft("https://withdrawn.example/", now), "t.teacher", now);
        unblocks.grant(asked.id(), "d.dsl", "fine", now);

        unblocks.withdraw(asked.id(), "t.teacher", false, "Topic finished early", now);

        assertThat(unblocks.get(asked.id()).status()).isEqualTo(UnblockStatus.WITHDRAWN);
        assertThat(source.current()).noneMatch(e -> e.id().equals("unblock-" + asked.id()));
        assertThat(events.stream(UnblocksChanged.class)).hasSize(2);
    }

    @Test
    void someoneElseWhoIsNotAnApproverCannotWithdraw() {
        UnblockRequest asked = unblocks.request(draft("https://others.example/", now), "t.teacher", now);

        assertThatThrownBy(() -> unblocks.withdraw(asked.id(), "t.other", false, "mine now", now))
                .isInstanceOf(UnblockNotFoundException.class);
        assertThat(unblocks.get(asked.id()).status()).isEqualTo(UnblockStatus.REQUESTED);
    }

    @Test
    void everyStepIsAuditedWithWhoWhenAndWhy() {
        UnblockRequest asked = unblocks.request(draft("https://audited.example/", now), "t.teacher", now);
        unblocks.grant(asked.id(), "d.dsl", "Agreed with head of maths", now.plusSeconds(60));
        unblocks.withdraw(asked.id(), "d.dsl", true, "Lesson moved", now.plusSeconds(120));

        assertThat(unblocks.events(asked.id()))
                .extracting(UnblockEvent::action, UnblockEvent::actor, UnblockEvent::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(UnblockAction.REQUESTED, "t.teacher", "Year 10 maths: probability and gambling"),
                        org.assertj.core.groups.Tuple.tuple(UnblockAction.GRANTED, "d.dsl", "Agreed with head of maths"),
                        org.assertj.core.groups.Tuple.tuple(UnblockAction.WITHDRAWN, "d.dsl", "Lesson moved"));
    }

    @Test
    void theExpiryJobMarksEndedUnblocksRecordsItAndTellsTheFilter() {
        UnblockRequest asked = unblocks.request(draft("https://expiring.example/", now), "t.teacher", now);
        unblocks.grant(asked.id(), "d.dsl", "fine", now);

        unblocks.expire(asked.until());

        assertThat(unblocks.get(asked.id()).status()).isEqualTo(UnblockStatus.EXPIRED);
        assertThat(unblocks.events(asked.id())).extracting(UnblockEvent::action, UnblockEvent::actor).last()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple(UnblockAction.EXPIRED, Unblocks.SYSTEM_ACTOR));
        assertThat(events.stream(UnblocksChanged.class)).hasSize(2);
    }

    @Test
    void theExpiryJobLeavesUnblocksThatHaveNotEnded() {
        UnblockRequest asked = unblocks.request(draft("https://running.example/", now), "t.teacher", now);
        unblocks.grant(asked.id(), "d.dsl", "fine", now);

        unblocks.expire(asked.until().minusSeconds(1));

        assertThat(unblocks.get(asked.id()).status()).isEqualTo(UnblockStatus.GRANTED);
    }

    static Stream<Arguments> badDrafts() {
        Instant now = Instant.now();
        Instant week = now.plus(Duration.ofDays(7));
        return Stream.of(
                Arguments.of("no address", new UnblockDraft(" ", Scope.DOMAIN, List.of("ks4"), List.of(), "r", null, week), "Address"),
                Arguments.of("unparseable address", new UnblockDraft("http://exa mple.org/", Scope.DOMAIN, List.of("ks4"), List.of(), "r", null, week), "Address"),
                Arguments.of("no scope", new UnblockDraft("https://a.example/", null, List.of("ks4"), List.of(), "r", null, week), "Scope"),
                Arguments.of("nobody", new UnblockDraft("https://a.example/", Scope.DOMAIN, List.of(), List.of(), "r", null, week), "Who for"),
                Arguments.of("unknown group", new UnblockDraft("https://a.example/", Scope.DOMAIN, List.of("year-99"), List.of(), "r", null, week), "year-99"),
                Arguments.of("unknown person", new UnblockDraft("https://a.example/", Scope.DOMAIN, List.of(), List.of(987_654_321L), "r", null, week), "987654321"),
                Arguments.of("no reason", new UnblockDraft("https://a.example/", Scope.DOMAIN, List.of("ks4"), List.of(), " ", null, week), "Reason"),
                Arguments.of("reason too long", new UnblockDraft("https://a.example/", Scope.DOMAIN, List.of("ks4"), List.of(), "x".repeat(1001), null, week), "1000"),
                Arguments.of("no end", new UnblockDraft("https://a.example/", Scope.DOMAIN, List.of("ks4"), List.of(), "r", null, null), "Until"),
                Arguments.of("end in the past", new UnblockDraft("https://a.example/", Scope.DOMAIN, List.of("ks4"), List.of(), "r", null, now.minusSeconds(60)), "future"),
                Arguments.of("end before start", new UnblockDraft("https://a.example/", Scope.DOMAIN, List.of("ks4"), List.of(), "r", week.plusSeconds(60), week), "after the start"),
                Arguments.of("longer than 90 days", new UnblockDraft("https://a.example/", Scope.DOMAIN, List.of("ks4"), List.of(), "r", null, now.plus(Duration.ofDays(91))), "90 days"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    void aBadRequestIsRefusedWithAClearErrorAndNothingIsStored(String name, UnblockDraft bad, String mentions) {
        int requests = count(jdbc, "unblock_request");
        int steps = count(jdbc, "unblock_event");

        assertThatThrownBy(() -> unblocks.request(bad, "t.teacher", Instant.now()))
                .isInstanceOf(UnblockRejectedException.class)
                .satisfies(e -> assertThat(((UnblockRejectedException) e).errors()).singleElement().asString().contains(mentions));

        assertThat(count(jdbc, "unblock_request")).isEqualTo(requests);
        assertThat(count(jdbc, "unblock_event")).isEqualTo(steps);
    }
}
