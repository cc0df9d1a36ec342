package org.lantern.server.identity.password;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@PersistenceTest
class PasswordChangerTest {

    static final String OLD = "Otterbrook42";

    @Autowired
    PasswordChanger changer;
    @Autowired
    PasswordPolicyService policies;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    TestAccounts accounts;
    long jane;

    @BeforeEach
    void janeHasAnAccount() {
        accounts = new TestAccounts(jdbc, encoder);
        jane = accounts.insert(TestAccounts.uniqueUsername(), OLD, OffsetDateTime.now(ZoneOffset.UTC).minusDays(10));
    }

    static List<String> ruleIds(List<Violation> violations) {
        return violations.stream().map(Violation::ruleId).toList();
    }

    @Test
    void freshInstallEnforcesTheSchoolPolicy() {
        assertThat(policies.activePreset()).isEqualTo(PasswordPreset.SCHOOL_POLICY);
    }

    @Test
    void acceptedChangeStoresNewHashAndClearsMustChange() {
        jdbc.sql("UPDATE account SET must_change_password = TRUE WHERE id = :id").param("id", jane).update();
        OffsetDateTime before = accounts.changedAt(jane);

        assertThat(changer.change(jane, OLD, "Badgerhill77", "Badgerhill77")).isEmpty();

        assertThat(encoder.matches("Badgerhill77", accounts.hashOf(jane))).isTrue();
        assertThat(accounts.mustChange(jane)).isFalse();
        assertThat(accounts.changedAt(jane)).isAfter(before);
        assertThat(accounts.events(jane)).last().asString().startsWith("CHANGED by u");
    }

    @Test
    void rejectedChangeNamesEveryBrokenRuleAndChangesNothing() {
        String hashBefore = accounts.hashOf(jane);

        List<Violation> problems = changer.change(jane, OLD, "qzvtkrw", "qzvtkrw");

        assertThat(ruleIds(problems)).containsExactly("min-length", "character-class-capital", "character-class-numeral");
        assertThat(accounts.hashOf(jane)).isEqualTo(hashBefore);
        assertThat(accounts.historySize(jane)).isZero();
    }

    @Test
    void rejectsWrongCurrentPasswordWithoutRevealingHistory() {
        List<Violation> problems = changer.change(jane, "Wrong999", OLD, OLD);

        assertThat(ruleIds(problems)).containsExactly(PasswordChanger.WRONG_CURRENT_PASSWORD);
        assertThat(encoder.matches(OLD, accounts.hashOf(jane))).isTrue();
    }

    @Test
    void rejectsMismatchedConfirmation() {
        assertThat(ruleIds(changer.change(jane, OLD, "Badgerhill77", "Badgers78")))
                .containsExactly(PasswordChanger.CONFIRMATION_MISMATCH);
    }

    @Test
    void auditsRejectedAttemptWithoutThePassword() {
        changer.change(jane, OLD, "qzvtkrw", "qzvtkrw");

        String detail = jdbc.sql("SELECT detail FROM password_event WHERE account_id = :id").param("id", jane)
                .query(String.class).single();
        assertThat(detail).contains("min-length").doesNotContain("badgers");
    }

    @Test
    void forbidsReusingEitherOfTheLastTwoPasswords() {
        changer.change(jane, OLD, "Badgerhill77", "Badgerhill77");

        assertThat(ruleIds(changer.change(jane, "Badgerhill77", OLD, OLD))).containsExactly("history");
        assertThat(ruleIds(changer.change(jane, "Badgerhill77", "Badgerhill77", "Badgerhill77"))).containsExactly("history");
    }

    @Test
    void allowsAPasswordOlderThanTheLastTwo() {
        changer.change(jane, OLD, "Badgerhill77", "Badgerhill77");
        changer.change(jane, "Badgerhill77", "Weaselmoor55", "Weaselmoor55");

        assertThat(changer.change(jane, "Weaselmoor55", OLD, OLD)).isEmpty();
    }

    @Test
    void keepsOnlyAsManyOldHashesAsTheStrictestPresetNeeds() {
        changer.change(jane, OLD, "Badgerhill77", "Badgerhill77");
        changer.change(jane, "Badgerhill77", "Weaselmoor55", "Weaselmoor55");
        changer.change(jane, "Weaselmoor55", "Ferretlane31", "Ferretlane31");

        assertThat(accounts.historySize(jane)).isEqualTo(1);
    }

    @Test
    void temporaryPasswordMeetsTheActivePolicyAndMustBeChanged() {
        String temporary = changer.setTemporaryPassword(jane, "admin");

        assertThat(policies.activePolicy().check(temporary, PasswordContext.newAccount("x", "x"))).isEmpty();
        assertThat(encoder.matches(temporary, accounts.hashOf(jane))).isTrue();
        assertThat(accounts.mustChange(jane)).isTrue();
        assertThat(accounts.events(jane)).containsExactly("TEMPORARY_SET by admin");
    }

    @Test
    void temporaryPasswordsDifferEachTime() {
        assertThat(changer.setTemporaryPassword(jane, "admin")).isNotEqualTo(changer.setTemporaryPassword(jane, "admin"));
    }
}
