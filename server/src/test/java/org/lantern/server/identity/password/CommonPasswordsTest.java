package org.lantern.server.identity.password;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPasswordsTest {

    static final CommonPasswords LIST = CommonPasswords.fromZxcvbn();

    @Test
    void loadsAtLeastTenThousandCommonPasswords() {
        assertThat(LIST.size()).isGreaterThanOrEqualTo(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "123456", "qwerty", "Password1"})
    void containsTheMostCommonPasswords(String common) {
        assertThat(LIST.contains(common)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD", "Password1!", "monkey2024", "Dragon!!"})
    void matchesIgnoringCaseAndTrailingDigitsOrSymbols(String decorated) {
        assertThat(LIST.contains(decorated)).isTrue();
    }

    @Test
    void doesNotContainAnUncommonPassphrase() {
        assertThat(LIST.contains("violet otter juggles seven lanterns")).isFalse();
    }
}
