package org.lantern.server.identity;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"lantern.logon.lock-after-failures=3", "lantern.logon.delay-after-failures=100"})
class LockoutTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    LogonAudit audit;
    @Autowired
    JdbcClient jdbc;

    private ResultActions logon(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password));
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

    @Test
    void loginPageSaysTheAccountIsLocked() throws Exception {
        accounts.create("lock.page", "Lock Page", Role.STAFF, PASSWORD, "test");
        failThreeTimes("lock.page");

        MockHttpSession session = (MockHttpSession) logon("lock.page", PASSWORD).andReturn().getRequest().getSession(false);

        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(containsString("This account is locked")));
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
                .param("past", AccountStore.utc(java.time.Instant.now().minusSeconds(1))).update();

        logon("lock.expire", PASSWORD).andExpect(redirectedUrl("/"));
    }
}
