package org.lantern.server.identity;

import java.util.List;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class TwoFactorTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    AccountStore store;
    @Autowired
    LogonAudit audit;
    @Autowired
    JdbcClient jdbc;

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
                .andReturn().getRequest().getSession(false);
    }

    private static String currentCode(String secret) throws Exception {
        return new DefaultCodeGenerator().generate(secret, Math.floorDiv(new SystemTimeProvider().getTime(), 30));
    }

    private List<String> enrol(long id) throws Exception {
        return twoFactor.confirmEnrolment(id, currentCode(twoFactor.startEnrolment(id).secret()));
    }

    @Test
    void administratorWhoHasNotEnrolledIsSentToEnrolmentFromEveryPage() throws Exception {
        accounts.create("tf.new", "Tf New", Role.ADMIN, PASSWORD, "test");
        MockHttpSession session = signIn("tf.new");

        mvc.perform(get("/accounts").session(session)).andExpect(redirectedUrl("/account/two-factor"));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/two-factor"));
    }

    @Test
    void enrollingWithTheRightCodeShowsTenRecoveryCodesAndCompletesTheLogon() throws Exception {
        accounts.create("tf.enrol", "Tf Enrol", Role.DSL, PASSWORD, "test");
        MockHttpSession session = signIn("tf.enrol");
        mvc.perform(get("/account/two-factor").session(session)).andExpect(status().isOk());
        String secret = store.findByUsername("tf.enrol").orElseThrow().totpSecret();

        List<?> codes = (List<?>) mvc.perform(post("/account/two-factor").session(session).with(csrf())
                        .param("code", currentCode(secret)))
                .andExpect(status().isOk())
                .andReturn().getModelAndView().getModel().get("recoveryCodes");

        assertThat(codes).hasSize(10);
        mvc.perform(get("/audit/logons").session(session)).andExpect(status().isOk());
        assertThat(audit.search("tf.enrol", null, 1, 0).get(0).outcome()).isEqualTo(LogonOutcome.SUCCESS);
    }

    @Test
    void recoveryCodesAreStoredOnlyAsHashes() throws Exception {
        long id = accounts.create("tf.hash", "Tf Hash", Role.ADMIN, PASSWORD, "test");

        List<String> codes = enrol(id);

        List<String> stored = jdbc.sql("SELECT code_hash FROM recovery_code WHERE account_id = :a").param("a", id)
                .query(String.class).list();
        assertThat(stored).hasSize(10).doesNotContainAnyElementsOf(codes);
    }

    @Test
    void enrolledAccountMustGiveItsCodeBeforeReachingAnything() throws Exception {
        long id = accounts.create("tf.code", "Tf Code", Role.STAFF, PASSWORD, "test");
        enrol(id);
        MockHttpSession session = signIn("tf.code");
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/code"));
        String secret = store.findById(id).orElseThrow().totpSecret();

        mvc.perform(post("/login/code").session(session).with(csrf()).param("code", currentCode(secret)))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    @Test
    void wrongCodeIsRecordedAsAFailedLogon() throws Exception {
        long id = accounts.create("tf.wrong", "Tf Wrong", Role.STAFF, PASSWORD, "test");
        enrol(id);
        MockHttpSession session = signIn("tf.wrong");

        mvc.perform(post("/login/code").session(session).with(csrf()).param("code", "not-a-code"))
                .andExpect(status().isOk());

        assertThat(audit.search("tf.wrong", LogonOutcome.BAD_CODE, 10, 0)).hasSize(1);
        assertThat(store.findById(id).orElseThrow().failedAttempts()).isEqualTo(1);
    }

    @Test
    void recoveryCodeWorksOnlyOnce() throws Exception {
        long id = accounts.create("tf.recover", "Tf Recover", Role.STAFF, PASSWORD, "test");
        String recovery = enrol(id).get(0);

        mvc.perform(post("/login/code").session(signIn("tf.recover")).with(csrf()).param("code", recovery))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login/code").session(signIn("tf.recover")).with(csrf()).param("code", recovery))
                .andExpect(status().isOk());

        assertThat(audit.search("tf.recover", LogonOutcome.BAD_CODE, 10, 0)).hasSize(1);
    }

    @Test
    void exemptAdministratorSignsInWithPasswordAlone() throws Exception {
        long id = accounts.create("tf.exempt", "Tf Exempt", Role.ADMIN, PASSWORD, "test");
        accounts.setTwoFactorExempt(id, true, "head", "no phones allowed in the office");

        mvc.perform(get("/accounts").session(signIn("tf.exempt"))).andExpect(status().isOk());
    }
}
