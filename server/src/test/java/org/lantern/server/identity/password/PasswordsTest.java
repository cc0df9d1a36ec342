package org.lantern.server.identity.password;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@PersistenceTest
class PasswordsTest {

    @Autowired
    Passwords passwords;
    @Autowired
    PasswordPolicySettings settings;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        settings.choose(PasswordPreset.SCHOOL_POLICY, "test", "each test starts from the school policy");
    }

    @AfterEach
    void restoreSchoolPolicy() {
        settings.choose(PasswordPreset.SCHOOL_POLICY, "test", "leave the default for other test classes");
    }

    long accountWithPasswordAged(Duration age) {
        return accounts.insert(TestAccounts.uniqueUsername(), "Otterbrook42", OffsetDateTime.now(ZoneOffset.UTC).minus(age));
    }

    @Test
    void passwordOlderThanSixWeeksIsExpiredUnderSchoolPolicy() {
        assertThat(passwords.isExpired(accountWithPasswordAged(Duration.ofDays(43)))).isTrue();
    }

    @Test
    void recentPasswordIsNotExpiredUnderSchoolPolicy() {
        long account = accountWithPasswordAged(Duration.ofDays(5));

        assertThat(passwords.isExpired(account)).isFalse();
        assertThat(passwords.expiresAt(account)).isPresent();
    }

    @Test
    void noPasswordExpiresUnderNist() {
        long account = accountWithPasswordAged(Duration.ofDays(400));
        settings.choose(PasswordPreset.NIST_800_63B, "admin", "follow NIST");

        assertThat(passwords.isExpired(account)).isFalse();
        assertThat(passwords.expiresAt(account)).isEmpty();
    }

    @Test
    void checksNewAccountPasswordAgainstTheActivePolicy() {
        assertThat(passwords.check("jsmith", "Jane Smith", "Smith2024"))
                .extracting(Violation::ruleId).containsExactly("personal-information");
    }

    @Test
    void unknownAccountIsAnError() {
        assertThatIllegalArgumentException().isThrownBy(() -> passwords.isExpired(-1));
    }
}
