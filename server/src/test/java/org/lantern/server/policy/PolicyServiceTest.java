package org.lantern.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.lantern.policy.PolicyDiff;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;
import org.lantern.server.support.PersistenceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PersistenceTest
class PolicyServiceTest {

    @Autowired
    PolicyService policies;

    private PolicyVersion current() {
        return policies.current().orElseThrow();
    }

    @Test
    void firstStartLoadsTheAstleyParkPresetUnderAPlaceholderSchoolNameAsVersionOne() {
        PolicyVersion first = policies.version(1).orElseThrow();
        assertThat(first.yaml()).isEqualTo(PolicyParser.withSchoolName(Presets.yaml("astley-park"), PolicyBootstrap.PLACEHOLDER_NAME));
        assertThat(first.author()).isEqualTo("system");
        assertThat(first.reason()).isEqualTo("initial preset");
        assertThat(first.restoredFrom()).isNull();
    }

    @Test
    void validChangeCreatesTheNextVersionWithAuthorAndReason() {
        int before = current().number();
        String yaml = current().yaml().replace("nextReview: \"2021-09-01\"", "nextReview: \"2022-09-01\"");
        PolicyVersion saved = policies.propose(yaml, "dsl.jones", "Annual review");
        assertThat(saved.number()).isEqualTo(before + 1);
        assertThat(saved.author()).isEqualTo("dsl.jones");
        assertThat(saved.reason()).isEqualTo("Annual review");
        assertThat(policies.version(saved.number()).orElseThrow().restoredFrom()).isNull();
        assertThat(policies.currentDocument().school().nextReview()).hasToString("2022-09-01");
    }

    @Test
    void invalidChangeIsRejectedWithLineNumbersAndTheVersionInForceStays() {
        PolicyVersion before = current();
        String broken = before.yaml().replace("levels: [unacceptable-and-illegal]", "levels: [sometimes]");
        PolicyChangeRejectedException e = catchThrowableOfType(PolicyChangeRejectedException.class,
                () -> policies.propose(broken, "dsl.jones", "Typo"));
        assertThat(e.errors()).isNotEmpty().allMatch(error -> error.startsWith("line "));
        assertThat(current()).isEqualTo(before);
    }

    @Test
    void blankReasonIsRejectedAndNothingChanges() {
        PolicyVersion before = current();
        PolicyChangeRejectedException e = catchThrowableOfType(PolicyChangeRejectedException.class,
                () -> policies.propose(before.yaml(), "dsl.jones", "  "));
        assertThat(e.errors()).containsExactly("reason: say why the policy is changing");
        assertThat(current()).isEqualTo(before);
    }

    @Test
    void reasonOverFiveHundredCharactersIsRejected() {
        PolicyChangeRejectedException e = catchThrowableOfType(PolicyChangeRejectedException.class,
                () -> policies.propose(current().yaml(), "dsl.jones", "x".repeat(501)));
        assertThat(e.errors()).containsExactly("reason: at most 500 characters");
    }

    @Test
    void restoreCreatesANewVersionWithTheOldText() {
        policies.propose(Presets.yaml("prince-henrys"), "head", "Trying another preset");
        PolicyVersion restored = policies.restore(1, "head", "Back to our own policy");
        assertThat(restored.yaml()).isEqualTo(policies.version(1).orElseThrow().yaml());
        assertThat(restored.restoredFrom()).isEqualTo(1);
        assertThat(restored.number()).isGreaterThan(2);
        assertThat(current()).isEqualTo(restored);
    }

    @Test
    void diffBetweenVersionsShowsTheChangedLine() {
        PolicyVersion before = current();
        PolicyVersion after = policies.propose(before.yaml().replace("title: Online Safety Whole School Policy",
                "title: Online Safety Policy"), "head", "Shorter title");
        assertThat(PolicyDiff.diff(before.yaml(), after.yaml()))
                .filteredOn(l -> l.kind() != PolicyDiff.Kind.SAME)
                .extracting(PolicyDiff.DiffLine::text)
                .containsExactly("  title: Online Safety Whole School Policy", "  title: Online Safety Policy");
    }

    @Test
    void versionsAreListedNewestFirst() {
        assertThat(policies.versions()).extracting(PolicyVersion::number)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder()).endsWith(1);
    }
}
