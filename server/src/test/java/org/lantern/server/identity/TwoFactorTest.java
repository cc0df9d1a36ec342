package org.lantern.server.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class TwoFactorTest {

    static final String PASSWORD = "correct horse battery";
    /** A time step long past, so codes judged by the fixed clocks below cannot meet real ones. */
    static final long STEP = 50_000_000L;
    /** What the code page says to a wrong or used code. */
    static final String WRONG_CODE = "That code is not right, or it has already been used. Wait for your app to show a "
            + "new code and enter that, or use a recovery code.";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    AccountStore store;
    @Autowired
    TotpSecrets secrets;
    @Autowired
    AccountEvents events;
    @Autowired
    LogonAudit audit;
    @Autowired
    JdbcClient jdbc;

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
                .andReturn().getRequest().getSession(false);
    }

    private String secret(long id) throws Exception {
        return secrets.read(id).orElseThrow();
    }

    private static String currentCode(String secret) throws Exception {
        return code(secret, currentStep());
    }

    /** The code of the step after the current one: later than any code used so far, and accepted for clock drift. */
    private static String nextCode(String secret) throws Exception {
        return code(secret, currentStep() + 1);
    }

    static String code(String secret, long step) throws Exception {
        return new DefaultCodeGenerator().generate(secret, step);
    }

    static long currentStep() {
        return Math.floorDiv(new SystemTimeProvider().getTime(), TwoFactorService.PERIOD_SECONDS);
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
        long id = accounts.create("tf.enrol", "Tf Enrol", Role.DSL, PASSWORD, "test");
        MockHttpSession session = signIn("tf.enrol");
        mvc.perform(get("/account/two-factor").session(session)).andExpect(status().isOk());
        String secret = secret(id);

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
        String secret = secret(id);

        mvc.perform(post("/login/code").session(session).with(csrf()).param("code", nextCode(secret)))
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

    // A TOTP code is accepted once (RFC 6238 §5.2). These tests judge codes at fixed times, each through a service
    // of its own as a separate server sharing the database would, so none depends on when in a 30-second step it runs.

    /** Two-factor as a server whose clock is in the middle of {@code step} sees it. */
    private TwoFactorService server(long step) {
        return new TwoFactorService(store, secrets, events, jdbc,
                Clock.fixed(Instant.ofEpochSecond(step * TwoFactorService.PERIOD_SECONDS + 15), ZoneOffset.UTC));
    }

    /** An account enrolled with the code of {@link #STEP}; returns its secret. */
    private String enrolledAtStep(String username) throws Exception {
        long id = accounts.create(username, "Replay " + username, Role.STAFF, PASSWORD, "test");
        TwoFactorService atEnrolment = server(STEP);
        String secret = atEnrolment.startEnrolment(id).secret();
        atEnrolment.confirmEnrolment(id, code(secret, STEP));
        return secret;
    }

    private boolean verify(TwoFactorService server, String username, String code) {
        return server.verify(store.findByUsername(username).orElseThrow(), code);
    }

    @Test
    void aCodeIsAcceptedOnceAndRefusedTheSecondTime() throws Exception {
        String secret = enrolledAtStep("replay.once");
        TwoFactorService server = server(STEP + 1);

        assertThat(verify(server, "replay.once", code(secret, STEP + 1))).isTrue();
        assertThat(verify(server, "replay.once", code(secret, STEP + 1))).isFalse();
    }

    @Test
    void theCodeThatConfirmedEnrolmentCannotSignIn() throws Exception {
        String secret = enrolledAtStep("replay.enrolment");

        assertThat(verify(server(STEP), "replay.enrolment", code(secret, STEP))).isFalse();
    }

    @Test
    void aLaterCodeIsAcceptedAfterAnEarlierOne() throws Exception {
        String secret = enrolledAtStep("replay.later");
        TwoFactorService server = server(STEP + 3);

        assertThat(verify(server, "replay.later", code(secret, STEP + 2))).isTrue();
        assertThat(verify(server, "replay.later", code(secret, STEP + 3))).isTrue();
        assertThat(verify(server, "replay.later", code(secret, STEP + 4))).isTrue();
    }

    @Test
    void aCodeFromBeforeTheLastAcceptedStepIsRefusedWhileStillInTheWindow() throws Exception {
        String secret = enrolledAtStep("replay.older");
        TwoFactorService server = server(STEP + 5);
        assertThat(verify(server, "replay.older", code(secret, STEP + 6))).isTrue();

        assertThat(verify(server, "replay.older", code(secret, STEP + 5))).isFalse();
        assertThat(verify(server, "replay.older", code(secret, STEP + 4))).isFalse();
    }

    @Test
    void aUsedCodeIsRefusedByAnotherServerSharingTheDatabase() throws Exception {
        String secret = enrolledAtStep("replay.servers");
        assertThat(verify(server(STEP + 1), "replay.servers", code(secret, STEP + 1))).isTrue();

        assertThat(verify(server(STEP + 1), "replay.servers", code(secret, STEP + 1))).isFalse();
    }

    @Test
    void concurrentSignInsWithTheSameCodeOnTwoServersPassExactlyOnce() throws Exception {
        String secret = enrolledAtStep("replay.race");
        String code = code(secret, STEP + 1);
        List<TwoFactorService> servers = List.of(server(STEP + 1), server(STEP + 1));
        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                TwoFactorService server = servers.get(i % servers.size());
                Callable<Boolean> signIn = () -> {
                    start.await();
                    return verify(server, "replay.race", code);
                };
                results.add(pool.submit(signIn));
            }
            start.countDown();
            int passed = 0;
            for (Future<Boolean> result : results) {
                passed += result.get() ? 1 : 0;
            }

            assertThat(passed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReplayedCodeAtSignInGetsTheWrongCodeErrorAndIsAuditedAsOne() throws Exception {
        long id = accounts.create("replay.signin", "Replay Signin", Role.STAFF, PASSWORD, "test");
        String secret = twoFactor.startEnrolment(id).secret();
        long enrolled = currentStep();
        twoFactor.confirmEnrolment(id, code(secret, enrolled));
        // A step later than the enrolment's, and within the window whenever the sign-in lands.
        String code = code(secret, Math.max(enrolled, currentStep()) + 1);
        mvc.perform(post("/login/code").session(signIn("replay.signin")).with(csrf()).param("code", code))
                .andExpect(redirectedUrl("/"));

        mvc.perform(post("/login/code").session(signIn("replay.signin")).with(csrf()).param("code", code))
                .andExpect(status().isOk())
                .andExpect(model().attribute("codeError", WRONG_CODE));

        assertThat(audit.search("replay.signin", LogonOutcome.BAD_CODE, 10, 0)).hasSize(1);
        assertThat(store.findById(id).orElseThrow().failedAttempts()).isEqualTo(1);
    }
}
