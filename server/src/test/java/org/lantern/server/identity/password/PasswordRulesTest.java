package org.lantern.server.identity.password;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.password.CharacterClassRule.CharacterClass;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRulesTest {

    static final PasswordContext JANE = PasswordContext.newAccount("jsmith", "Jane Smith");

    @Nested
    class MinimumLength {
        final PasswordRule rule = new MinimumLengthRule(8, "school policy: at least 8 characters");

        @Test
        void acceptsPasswordOfExactlyTheMinimumLength() {
            assertThat(rule.check("abcdefgh", JANE)).isEmpty();
        }

        @Test
        void rejectsShorterPasswordNamingTheRuleAndItsSource() {
            assertThat(rule.check("abcdefg", JANE)).hasValueSatisfying(v -> {
                assertThat(v.ruleId()).isEqualTo("min-length");
                assertThat(v.message()).isEqualTo("Must be at least 8 characters long (school policy: at least 8 characters)");
            });
        }

        @Test
        void countsCharactersNotUtf16Units() {
            assertThat(rule.check("🔒🔒🔒🔒🔒🔒🔒", JANE)).isPresent();
        }
    }

    @Nested
    class MaximumLength {
        final PasswordRule rule = new MaximumLengthRule(128);

        @Test
        void acceptsPasswordOfExactlyTheMaximumLength() {
            assertThat(rule.check("a".repeat(128), JANE)).isEmpty();
        }

        @Test
        void rejectsLongerPasswordExplainingTheHashingLimit() {
            assertThat(rule.check("a".repeat(129), JANE)).hasValueSatisfying(v -> {
                assertThat(v.ruleId()).isEqualTo("max-length");
                assertThat(v.message()).startsWith("Must be at most 128 characters long").contains("hashing");
            });
        }
    }

    @Nested
    class CharacterClasses {
        final String basis = "school policy: a capital and a numeral";

        @Test
        void rejectsPasswordWithoutCapitalNamingTheRule() {
            assertThat(new CharacterClassRule(CharacterClass.CAPITAL, basis).check("lantern42", JANE))
                    .hasValueSatisfying(v -> {
                        assertThat(v.ruleId()).isEqualTo("character-class-capital");
                        assertThat(v.message()).isEqualTo("Must contain at least a capital letter (" + basis + ")");
                    });
        }

        @Test
        void acceptsPasswordWithCapital() {
            assertThat(new CharacterClassRule(CharacterClass.CAPITAL, basis).check("Lantern42", JANE)).isEmpty();
        }

        @Test
        void rejectsPasswordWithoutNumeral() {
            assertThat(new CharacterClassRule(CharacterClass.NUMERAL, basis).check("Lantern", JANE))
                    .hasValueSatisfying(v -> assertThat(v.message()).contains("a numeral"));
        }

        @Test
        void rejectsPasswordWithoutLowerCaseLetter() {
            assertThat(new CharacterClassRule(CharacterClass.LOWER, basis).check("LANTERN42", JANE)).isPresent();
        }

        @Test
        void rejectsPasswordWithoutSymbolAndAcceptsOneWithIt() {
            PasswordRule symbol = new CharacterClassRule(CharacterClass.SYMBOL, basis);
            assertThat(symbol.check("Lantern42", JANE)).isPresent();
            assertThat(symbol.check("Lantern#42", JANE)).isEmpty();
        }
    }

    @Nested
    class PersonalInformation {
        final PasswordRule rule = new PersonalInformationRule("school policy: no personal information");

        @Test
        void rejectsPasswordContainingUsernameIgnoringCase() {
            assertThat(rule.check("MyJSmith2024", JANE)).hasValueSatisfying(v -> {
                assertThat(v.ruleId()).isEqualTo("personal-information");
                assertThat(v.message()).contains("username").contains("school policy: no personal information");
            });
        }

        @Test
        void rejectsPasswordContainingLastName() {
            assertThat(rule.check("Blacksmith77", JANE)).isPresent();
        }

        @Test
        void rejectsPasswordContainingFirstName() {
            assertThat(rule.check("ilovejane9", JANE)).isPresent();
        }

        @Test
        void ignoresNameTokensShorterThanThreeCharacters() {
            PasswordContext jo = PasswordContext.newAccount("jo.li", "Jo Li");
            assertThat(rule.check("Jolly-Lions-9", jo)).isEmpty();
        }

        @Test
        void acceptsPasswordWithoutPersonalInformation() {
            assertThat(rule.check("Correct-Horse-7", JANE)).isEmpty();
        }
    }

    @Nested
    class History {
        final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        final PasswordRule lastTwo = new PasswordHistoryRule(2, encoder, "school policy: not the last 2 passwords");
        final PasswordContext withHistory = new PasswordContext("jsmith", "Jane Smith",
                List.of(encoder.encode("Currentvale1"), encoder.encode("Previousvale1"), encoder.encode("Oldervale1")));

        @Test
        void rejectsTheCurrentPassword() {
            assertThat(lastTwo.check("Currentvale1", withHistory)).hasValueSatisfying(v -> {
                assertThat(v.ruleId()).isEqualTo("history");
                assertThat(v.message()).isEqualTo("Must not be any of your last 2 passwords (school policy: not the last 2 passwords)");
            });
        }

        @Test
        void rejectsThePasswordBeforeTheCurrentOne() {
            assertThat(lastTwo.check("Previousvale1", withHistory)).isPresent();
        }

        @Test
        void acceptsAPasswordOlderThanTheLastN() {
            assertThat(lastTwo.check("Oldervale1", withHistory)).isEmpty();
        }
    }

    @Nested
    class Blocklist {
        final PasswordRule rule = new CommonPasswordRule(CommonPasswords.fromZxcvbn(), "NIST SP 800-63B: not a known common password");

        @Test
        void rejectsCommonPasswordNamingTheRule() {
            assertThat(rule.check("qwerty", JANE)).hasValueSatisfying(v -> {
                assertThat(v.ruleId()).isEqualTo("blocklist");
                assertThat(v.message()).contains("commonly used or breached").contains("NIST SP 800-63B");
            });
        }

        @Test
        void acceptsUncommonPassphrase() {
            assertThat(rule.check("violet otter juggles seven lanterns", JANE)).isEmpty();
        }
    }
}
