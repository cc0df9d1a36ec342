package org.lantern.filter.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

    private static List<String> required(String pattern) {
        return RequiredLiterals.of(pattern).orElse(null);
    }

    @Test
    void plainWordIsRequired() {
        assertThat(required("poker")).containsExactly("poker");
    }

    @Test
    void literalsAreLowerCasedForCaseInsensitiveMatching() {
        assertThat(required("/Advertisement/")).containsExactly("/advertisement/");
    }

    @Test
    void longestLiteralRunIsChosen() {
        assertThat(required("^[0-9]+\\.[0-9]+/search\\?q=[0-9]+$")).containsExactly("/search?q=");
    }

    @Test
    void optionalCharacterEndsTheRunWithoutBeingRequired() {
        assertThat(required(".*/ymsgr*\\.exe")).containsExactly("/ymsg");
    }

    @Test
    void everyBranchOfAnAlternationContributesOneLiteral() {
        assertThat(required("(/banner/|/sponsor/|adverts/)")).containsExactly("/banner/", "/sponsor/", "adverts/");
    }

    @Test
    void alternationWithABranchWithoutLiteralsRequiresNothing() {
        assertThat(required("(poker|[0-9]+)")).isNull();
    }

    @Test
    void optionalGroupRequiresNothingFromItsContent() {
        assertThat(required("(casino)?xyz")).containsExactly("xyz");
    }

    @Test
    void groupRepeatedAtLeastOnceStillRequiresItsContent() {
        assertThat(required("(casino)+")).containsExactly("casino");
    }

    @Test
    void zeroMinimumRepeatIsOptional() {
        assertThat(required("(casino){0,3}ab")).isNull();
    }

    @Test
    void shortLiteralsAreNotWorthAPrefilter() {
        assertThat(required("a.b")).isNull();
    }

    @Test
    void inlineFlagsAreNotInterpreted() {
        assertThat(required("(?i)poker")).isNull();
    }

    @Test
    void escapesWithArgumentsAreNotMisreadAsLiterals() {
        assertThat(required("\\x41bcd")).isNull();
    }

    @Test
    void characterClassesAreSkippedEvenWithBracketsInside() {
        assertThat(required("[]a[:alpha:]]+poker")).containsExactly("poker");
    }

    @Test
    void posixClassInsideBracketsIsSkipped() {
        assertThat(required("[[:digit:]]+casino")).containsExactly("casino");
    }

    @Test
    void unbalancedGroupRequiresNothing() {
        assertThat(required("poker)")).isNull();
    }
}
