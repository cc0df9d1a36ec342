package org.lantern.server.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@PersistenceTest
@AutoConfigureMockMvc
@Import(CountingPasswordEncoder.Config.class)
@TestPropertySource(properties = {"lantern.logon.lock-after-failures=3", "lantern.logon.delay-after-failures=100"})
class LockoutTest {

    static final String PASSWORD = "correct horse battery";
    static final String ATTACKER = "203.0.113.9";
    static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    LogonAudit audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CountingPasswordEncoder encoder;

    private ResultActions logon(String username, String password) throws Exception {
        return logon(username, password, "127.0.0.1");
    }

    private ResultActions logon(String username, String password, String from) throws Exception {
        return mvc.perform(LogonRequests.logon(username, password, from));
    }

    private void failThreeTimes(String username) throws Exception {
        for (int i = 0; i < 3; i++) {
            logon(username, "wrong");
        }
    }

    @Test
    void repeatedFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        accounts.create("lock.me", "Lock Me", Role.STAFF, PASSWORD, "test");
        failThreeTimes("lock.me");

        logon("lock.me", PASSWORD).andExpect(redirectedUrl("/login?error"));

        assertThat(audit.search("lock.me", null, 1, 0).get(0).outcome()).isEqualTo(LogonOutcome.LOCKED);
    }

    /** How an account comes to refuse an attempt, or no account at all; given a fresh username, it returns the username to try. */
    interface Refusal {
        String prepare(LockoutTest test, String username) throws Exception;
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Named.of("an unknown username", (Refusal) (t, u) -> u), LogonOutcome.UNKNOWN_USER),
                Arguments.of(Named.of("a wrong password", (Refusal) (t, u) -> {
                    t.accounts.create(u, "Wrong", Role.DSL, "another password 2", "test");
                    return u;
                }), LogonOutcome.BAD_PASSWORD),
                Arguments.of(Named.of("a locked account", (Refusal) (t, u) -> {
                    t.accounts.create(u, "Locked", Role.DSL, "another password 2", "test");
                    t.failThreeTimes(u);
                    return u;
                }), LogonOutcome.LOCKED),
                Arguments.of(Named.of("an account made to wait", (Refusal) (t, u) -> {
                    t.accounts.create(u, "Waiting", Role.DSL, "another password 2", "test");
                    t.jdbc.sql("UPDATE account SET not_before = :later WHERE username = :u").param("u", u)
                            .param("later", AccountStore.utc(Instant.now().plus(Duration.ofMinutes(5)))).update();
                    return u;
                }), LogonOutcome.THROTTLED),
                Arguments.of(Named.of("a disabled account", (Refusal) (t, u) -> {
                    t.accounts.create(u, "Disabled", Role.DSL, "another password 2", "test");
                    t.jdbc.sql("UPDATE account SET enabled = FALSE WHERE username = :u").param("u", u).update();
                    return u;
                }), LogonOutcome.DISABLED));
    }

    /**
     * An unknown username answered faster, or in other words, than an existing account that
     * refuses tells an attacker which usernames exist. The work is compared by counting
     * password-hash checks, each tens of milliseconds and nearly all of a sign-in's time.
     */
    @ParameterizedTest
    @MethodSource("refusals")
    void everyRefusalGetsTheSameAnswerAfterOnePasswordHashCheck(Refusal refusal, LogonOutcome recorded) throws Exception {
        String username = refusal.prepare(this, "same.answer" + USERS.incrementAndGet());
        int before = encoder.checks();

        ResultActions attempt = logon(username, "a guess 3").andExpect(redirectedUrl("/login?error"));

        assertThat(encoder.checks() - before).isEqualTo(1);
        assertThat(audit.search(username, null, 1, 0).get(0).outcome()).isEqualTo(recorded);
        MockHttpSession session = (MockHttpSession) attempt.andReturn().getRequest().getSession(false);
        String page = mvc.perform(get("/login").param("error", "").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The username or password is not right, or the account is locked for a while")
                .doesNotContain("Too many").doesNotContain("This account is locked");
    }

    @Test
    void lockBindsTheAddressTheFailuresCameFromAndNoOther() throws Exception {
        accounts.create("lock.other", "Lock Other", Role.STAFF, PASSWORD, "test");
        for (int i = 0; i < 3; i++) {
            logon("lock.other", "wrong", ATTACKER);
        }

        logon("lock.other", PASSWORD, ATTACKER).andExpect(redirectedUrl("/login?error"));
        logon("lock.other", PASSWORD, "198.51.100.20").andExpect(redirectedUrl("/"));

        assertThat(audit.search("lock.other", null, 2, 0)).extracting(LogonAudit.LogonAttempt::outcome)
                .containsExactly(LogonOutcome.SUCCESS, LogonOutcome.LOCKED);
    }

    @Test
    void administratorUnlockLetsTheOwnerSignInAgain() throws Exception {
        long id = accounts.create("lock.undo", "Lock Undo", Role.STAFF, PASSWORD, "test");
        failThreeTimes("lock.undo");

        accounts.unlock(id, "admin", "phoned the office");

        logon("lock.undo", PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void lockEndsWhenItsPeriodHasPassed() throws Exception {
        accounts.create("lock.expire", "Lock Expire", Role.STAFF, PASSWORD, "test");
        failThreeTimes("lock.expire");

        jdbc.sql("UPDATE account SET locked_until = :past WHERE username = 'lock.expire'")
                .param("past", AccountStore.utc(Instant.now().minusSeconds(1))).update();

        logon("lock.expire", PASSWORD).andExpect(redirectedUrl("/"));
    }
}
