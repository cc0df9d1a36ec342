package org.lantern.server.identity;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"lantern.logon.max-failures-per-hour=2", "lantern.logon.delay-after-failures=100",
        "lantern.logon.lock-after-failures=100"})
class ThrottlingTest {

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

    @Test
    void attemptBeforeTheNotBeforeTimeIsRefusedWithoutCheckingThePassword() throws Exception {
        accounts.create("slow.wait", "Slow Wait", Role.STAFF, PASSWORD, "test");
        jdbc.sql("UPDATE account SET not_before = :later WHERE username = 'slow.wait'")
                .param("later", AccountStore.utc(Instant.now().plus(Duration.ofMinutes(5)))).update();

        logon("slow.wait", PASSWORD).andExpect(redirectedUrl("/login?error"));

        assertThat(audit.search("slow.wait", null, 1, 0).get(0).outcome()).isEqualTo(LogonOutcome.THROTTLED);
    }

    @Test
    void failuresBeyondTheHourlyCapStopPasswordChecks() throws Exception {
        accounts.create("slow.cap", "Slow Cap", Role.STAFF, PASSWORD, "test");
        logon("slow.cap", "wrong");
        logon("slow.cap", "wrong");

        logon("slow.cap", PASSWORD).andExpect(redirectedUrl("/login?error"));

        assertThat(audit.search("slow.cap", null, 1, 0).get(0).outcome()).isEqualTo(LogonOutcome.THROTTLED);
    }
}
