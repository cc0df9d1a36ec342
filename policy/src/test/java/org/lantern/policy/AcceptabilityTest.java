package org.lantern.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision semantics of ticked User Actions levels, one rule per test. */
class AcceptabilityTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final PolicyDocument POLICY = PolicyParser.parse(Presets.yaml("astley-park"));
    private static final Acceptability RULES = Acceptability.of(POLICY);

    /** Monday 2 March 2026, in London. */
    private static Instant monday(int hour, int minute) {
        return LocalDateTime.of(2026, 3, 2, hour, minute).atZone(LONDON).toInstant();
    }

    private static Verdict verdict(String activity, String group, Instant at) {
        return RULES.evaluate(POLICY.activity(activity).orElseThrow(), POLICY.group(group).orElseThrow(), at);
    }

    @Test
    void illegalIsDeniedWithAnAlertEvenForNominatedStaff() {
        Verdict v = verdict("child-sexual-abuse-images", "nominated-staff", monday(10, 0));
        assertThat(v).extracting(Verdict::level, Verdict::allowed, Verdict::alert)
                .containsExactly(Level.UNACCEPTABLE_AND_ILLEGAL, false, true);
    }

    @Test
    void acceptableIsAllowedForEveryGroupAtAnyTime() {
        for (Group group : POLICY.groups()) {
            Verdict v = verdict("online-gaming-educational", group.id(), monday(22, 0));
            assertThat(v.allowed()).as(group.id()).isTrue();
            assertThat(v.level()).isEqualTo(Level.ACCEPTABLE);
        }
    }

    @Test
    void unacceptableIsDeniedWithoutAnAlert() {
        Verdict v = verdict("online-gambling", "staff", monday(12, 30));
        assertThat(v).extracting(Verdict::level, Verdict::allowed, Verdict::alert)
                .containsExactly(Level.UNACCEPTABLE, false, false);
    }

    @Test
    void nominatedUsersAreAllowedOutsideTheWindows() {
        Verdict v = verdict("video-broadcasting", "nominated-staff", monday(19, 0));
        assertThat(v).extracting(Verdict::level, Verdict::allowed)
                .containsExactly(Level.ACCEPTABLE_FOR_NOMINATED_USERS, true);
    }

    @Test
    void otherUsersAreAllowedInsideACertainTimesWindow() {
        Verdict v = verdict("video-broadcasting", "ks3", monday(9, 0));
        assertThat(v).extracting(Verdict::level, Verdict::allowed)
                .containsExactly(Level.ACCEPTABLE_AT_CERTAIN_TIMES, true);
    }

    @Test
    void windowEndIsExclusiveSoTheFallbackLevelApplies() {
        Verdict v = verdict("video-broadcasting", "ks3", monday(10, 30));
        assertThat(v).extracting(Verdict::level, Verdict::allowed).containsExactly(Level.UNACCEPTABLE, false);
    }

    @Test
    void certainTimesAreReadInTheSchoolsTimeZone() {
        Instant nineLondonSummer = LocalDateTime.of(2026, 6, 1, 9, 30).atZone(LONDON).toInstant();
        assertThat(verdict("video-broadcasting", "ks3", nineLondonSummer).allowed()).isTrue();
        assertThat(verdict("video-broadcasting", "ks3", nineLondonSummer.minusSeconds(3600)).allowed()).isFalse();
    }

    @Test
    void weekendIsOutsideWeekdayWindows() {
        Instant saturday = LocalDateTime.of(2026, 3, 7, 9, 30).atZone(LONDON).toInstant();
        assertThat(verdict("video-broadcasting", "ks3", saturday).allowed()).isFalse();
    }

    @Test
    void unmetConditionWithoutUnacceptableTickIsDeniedUnderTheConditionalLevel() {
        Activity onlyTimes = new Activity("a", "A", List.of(), List.of(Level.ACCEPTABLE_AT_CERTAIN_TIMES),
                List.of("lessons"), List.of(), List.of());
        Verdict v = RULES.evaluate(onlyTimes, POLICY.group("ks4").orElseThrow(), monday(20, 0));
        assertThat(v).extracting(Verdict::level, Verdict::allowed, Verdict::alert)
                .containsExactly(Level.ACCEPTABLE_AT_CERTAIN_TIMES, false, false);
    }

    @Test
    void nonNominatedGroupWithoutUnacceptableTickIsDeniedUnderTheNominatedLevel() {
        Activity onlyNominated = new Activity("a", "A", List.of(), List.of(Level.ACCEPTABLE_FOR_NOMINATED_USERS),
                List.of(), List.of("nominated-staff"), List.of());
        Verdict v = RULES.evaluate(onlyNominated, POLICY.group("staff").orElseThrow(), monday(9, 0));
        assertThat(v).extracting(Verdict::level, Verdict::allowed)
                .containsExactly(Level.ACCEPTABLE_FOR_NOMINATED_USERS, false);
    }

    @Test
    void groupOverrideReplacesTheRowsTicksForThatGroup() {
        PolicyDocument rothwell = PolicyParser.parse(Presets.yaml("rothwell-primary"));
        Activity video = rothwell.activity("video-broadcasting").orElseThrow();
        Verdict infants = Acceptability.of(rothwell).evaluate(video, rothwell.group("fs-ks1").orElseThrow(), monday(9, 30));
        Verdict juniors = Acceptability.of(rothwell).evaluate(video, rothwell.group("uks2").orElseThrow(), monday(9, 30));
        assertThat(infants.allowed()).isFalse();
        assertThat(juniors.allowed()).isTrue();
    }

    @Test
    void overrideCanMakeAnAcceptableRowTimeLimited() {
        PolicyDocument rothwell = PolicyParser.parse(Presets.yaml("rothwell-primary"));
        Activity games = rothwell.activity("online-gaming-educational").orElseThrow();
        Group infants = rothwell.group("fs-ks1").orElseThrow();
        assertThat(Acceptability.of(rothwell).evaluate(games, infants, monday(9, 30)).allowed()).isTrue();
        assertThat(Acceptability.of(rothwell).evaluate(games, infants, monday(12, 30)).allowed()).isFalse();
    }

    @Test
    void everyVerdictExplainsItself() {
        for (Activity a : POLICY.activities()) {
            for (Group g : POLICY.groups()) {
                assertThat(RULES.evaluate(a, g, monday(9, 30)).reason()).as(a.id() + "/" + g.id()).isNotBlank();
            }
        }
    }

    @Test
    void activityWithNoTicksCannotBeEvaluated() {
        Activity none = new Activity("a", "A", List.of(), List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> RULES.evaluate(none, POLICY.group("ks3").orElseThrow(), monday(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
