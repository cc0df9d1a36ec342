package org.lantern.server.identity.password;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPresetTest {

    static final CommonPasswords COMMON = CommonPasswords.fromZxcvbn();
    static final PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    static final PasswordContext JANE = PasswordContext.newAccount("jsmith", "Jane Smith");

    static List<String> ruleIds(List<Violation> violations) {
        return violations.stream().map(Violation::ruleId).toList();
    }

    @Nested
    class SchoolPolicy {
        final PasswordPolicy policy = PasswordPreset.SCHOOL_POLICY.policy(COMMON, ENCODER);

        @Test
        void acceptsEightCharactersWithCapitalAndNumeral() {
            assertThat(policy.check("Otterbrook42", JANE)).isEmpty();
        }

        @Test
        void namesEveryRuleAShortLowerCasePasswordBreaks() {
            assertThat(ruleIds(policy.check("qzvtk", JANE)))
                    .containsExactly("min-length", "character-class-capital", "character-class-numeral");
        }

        @Test
        void rejectsPersonalInformation() {
            assertThat(ruleIds(policy.check("Smith2024", JANE))).containsExactly("personal-information");
        }

        @Test
        void rejectsACommonPasswordThatMeetsTheCompositionRules() {
            assertThat(ruleIds(policy.check("Password1", JANE))).containsExactly("blocklist");
        }

        @Test
        void forbidsTheLastTwoPasswords() {
            assertThat(policy.historyDepth()).isEqualTo(2);
        }

        @Test
        void expiresPasswordsAfterSixWeeks() {
            Instant changed = Instant.parse("2025-09-01T08:00:00Z");
            assertThat(policy.maxAge()).contains(Duration.ofDays(42));
            assertThat(policy.isExpired(changed, changed.plus(Duration.ofDays(41)))).isFalse();
            assertThat(policy.isExpired(changed, changed.plus(Duration.ofDays(42)))).isTrue();
        }
    }

    @Nested
    class Nist {
        final PasswordPolicy policy = PasswordPreset.NIST_800_63B.policy(COMMON, ENCODER);

        @Test
        void acceptsLongPassphraseWithoutCapitalsOrNumerals() {
            assertThat(policy.check("violet otter juggles", JANE)).isEmpty();
        }

        @Test
        void rejectsFourteenCharacters() {
            assertThat(ruleIds(policy.check("violetotterjug", JANE))).containsExactly("min-length");
        }

        @Test
        void rejectsCommonPasswordPaddedToLength() {
            assertThat(ruleIds(policy.check("password1234567890", JANE))).containsExactly("blocklist");
        }

        @Test
        void allowsAtLeastSixtyFourCharacters() {
            assertThat(policy.check("violet otter ".repeat(5) + "juggles", JANE)).isEmpty();
        }

        @Test
        void neverExpiresPasswords() {
            Instant changed = Instant.parse("2020-01-01T00:00:00Z");
            assertThat(policy.maxAge()).isEmpty();
            assertThat(policy.isExpired(changed, Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
        }

        @Test
        void doesNotCheckHistory() {
            assertThat(policy.historyDepth()).isZero();
        }
    }
}
