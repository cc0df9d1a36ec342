package org.lantern.server.identity.password;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class PasswordPagesTest {

    static final String OLD = "Otterbrook42";

    @Autowired
    MockMvc mvc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordPolicySettings settings;

    TestAccounts accounts;
    String username;
    long jane;

    @BeforeEach
    void janeIsSignedInStaff() {
        accounts = new TestAccounts(jdbc, encoder);
        username = TestAccounts.uniqueUsername();
        jane = accounts.insert(username, OLD, OffsetDateTime.now(ZoneOffset.UTC).minusDays(3));
    }

    @AfterEach
    void restoreSchoolPolicy() {
        settings.choose(PasswordPreset.SCHOOL_POLICY, "test", "leave the default for other tests");
    }

    RequestPostProcessor asJane() {
        return user(username).authorities(() -> "DASHBOARD");
    }

    RequestPostProcessor asAdmin() {
        return user("admin").authorities(() -> "DASHBOARD", () -> "PASSWORD_POLICY_MANAGE");
    }

    @Test
    void myAccountShowsUsernameRoleAndPasswordExpiry() throws Exception {
        mvc.perform(get("/account").with(asJane()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(username), containsString("Staff"),
                        containsString("Password expires"), containsString("href=\"/account/password\""))));
    }

    @Test
    void changePageListsTheActiveRulesWithLabelledFields() throws Exception {
        mvc.perform(get("/account/password").with(asJane()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("At least 8 characters"),
                        containsString("<label for=\"currentPassword\">"),
                        containsString("<label for=\"newPassword\">"),
                        containsString("<label for=\"confirmPassword\">"))));
    }

    @Test
    void rejectedChangeNamesTheRuleInAnAlertAndLeavesTheHashUnchanged() throws Exception {
        String before = accounts.hashOf(jane);

        mvc.perform(post("/account/password").with(asJane()).with(csrf())
                        .param("currentPassword", OLD).param("newPassword", "otters").param("confirmPassword", "otters"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(
                        containsString("role=\"alert\""),
                        containsString("Must be at least 8 characters long (school policy: at least 8 characters)"),
                        containsString("Must contain at least a capital letter (school policy: a capital and a numeral)"))));

        assertThat(accounts.hashOf(jane)).isEqualTo(before);
    }

    @Test
    void acceptedChangeUpdatesTheHashAndReturnsToMyAccount() throws Exception {
        mvc.perform(post("/account/password").with(asJane()).with(csrf())
                        .param("currentPassword", OLD).param("newPassword", "Badgerhill77").param("confirmPassword", "Badgerhill77"))
                .andExpect(redirectedUrl("/account?changed"));

        assertThat(encoder.matches("Badgerhill77", accounts.hashOf(jane))).isTrue();
    }

    @Test
    void changeWithoutCsrfTokenIsForbiddenAndChangesNothing() throws Exception {
        String before = accounts.hashOf(jane);

        mvc.perform(post("/account/password").with(asJane())
                        .param("currentPassword", OLD).param("newPassword", "Badgerhill77").param("confirmPassword", "Badgerhill77"))
                .andExpect(status().isForbidden());

        assertThat(accounts.hashOf(jane)).isEqualTo(before);
    }

    @Test
    void myAccountRequiresSignIn() throws Exception {
        mvc.perform(get("/account")).andExpect(status().is3xxRedirection());
    }

    @Test
    void settingsPageIsForbiddenWithoutPasswordPolicyManage() throws Exception {
        mvc.perform(get("/settings/password-policy").with(asJane())).andExpect(status().isForbidden());
    }

    @Test
    void choosingAPresetIsForbiddenWithoutPasswordPolicyManageAndChangesNothing() throws Exception {
        mvc.perform(post("/settings/password-policy").with(asJane()).with(csrf())
                        .param("preset", "NIST_800_63B").param("reason", "I would like longer passwords"))
                .andExpect(status().isForbidden());

        assertThat(settings.active()).isEqualTo(PasswordPreset.SCHOOL_POLICY);
    }

    @Test
    void settingsPageComparesBothPresetsExplainsNistAndShowsHistory() throws Exception {
        mvc.perform(get("/settings/password-policy").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("School policy"), containsString("NIST SP 800-63B"),
                        containsString("Summer2024"), containsString("At least 15 characters"),
                        containsString("Must be changed every 6 weeks"),
                        containsString("Default on a fresh install"),
                        containsString("class=\"table-wrap\""))));
    }

    @Test
    void administratorChoosesNistWithAReasonAndTheChoiceIsRecorded() throws Exception {
        mvc.perform(post("/settings/password-policy").with(asAdmin()).with(csrf())
                        .param("preset", "NIST_800_63B").param("reason", "Governors approved NIST guidance"))
                .andExpect(redirectedUrl("/settings/password-policy?saved"));

        assertThat(settings.active()).isEqualTo(PasswordPreset.NIST_800_63B);
        assertThat(settings.history().getFirst())
                .isEqualTo(new PolicyChoice(PasswordPreset.NIST_800_63B, "admin", settings.history().getFirst().chosenAt(),
                        "Governors approved NIST guidance"));
    }

    @Test
    void choiceWithoutReasonIsRejectedNearTheFieldAndChangesNothing() throws Exception {
        int before = settings.history().size();

        mvc.perform(post("/settings/password-policy").with(asAdmin()).with(csrf())
                        .param("preset", "NIST_800_63B").param("reason", "  "))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("role=\"alert\""), containsString("Give a reason"))));

        assertThat(settings.history()).hasSize(before);
    }

    @Test
    void unknownPresetIsRejectedAndChangesNothing() throws Exception {
        mvc.perform(post("/settings/password-policy").with(asAdmin()).with(csrf())
                        .param("preset", "NONE").param("reason", "testing"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(not(containsString("?saved"))));

        assertThat(settings.active()).isEqualTo(PasswordPreset.SCHOOL_POLICY);
    }
}
