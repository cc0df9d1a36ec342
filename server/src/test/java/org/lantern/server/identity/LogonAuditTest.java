package org.lantern.server.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@PersistenceTest
@AutoConfigureMockMvc
class LogonAuditTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    LogonAudit audit;

    private void logon(String username, String password, String userAgent) throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password)
                .header("User-Agent", userAgent).with(r -> {
                    r.setRemoteAddr("10.1.2.3");
                    return r;
                }));
    }

    private LogonAudit.LogonAttempt latestFor(String username) {
        List<LogonAudit.LogonAttempt> attempts = audit.search(username, null, 1, 0);
        assertThat(attempts).hasSize(1);
        return attempts.get(0);
    }

    @Test
    void successfulLogonIsRecordedWithTimeSourceAndBrowser() throws Exception {
        accounts.create("audit.ok", "Audit Ok", Role.STAFF, "correct horse battery", "test");

        logon("audit.ok", "correct horse battery", "Firefox/140");

        LogonAudit.LogonAttempt attempt = latestFor("audit.ok");
        assertThat(attempt.outcome()).isEqualTo(LogonOutcome.SUCCESS);
        assertThat(attempt.sourceIp()).isEqualTo("10.1.2.3");
        assertThat(attempt.userAgent()).isEqualTo("Firefox/140");
        assertThat(attempt.attemptedAt()).isNotNull();
    }

    @Test
    void unknownUsernameIsRecordedAndRefused() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "nobody.here").param("password", "x"))
                .andExpect(redirectedUrl("/login?error"));

        assertThat(latestFor("nobody.here").outcome()).isEqualTo(LogonOutcome.UNKNOWN_USER);
    }

    @Test
    void wrongPasswordIsRecordedAsBadPassword() throws Exception {
        accounts.create("audit.bad", "Audit Bad", Role.STAFF, "correct horse battery", "test");

        logon("audit.bad", "wrong", "Edge");

        assertThat(latestFor("audit.bad").outcome()).isEqualTo(LogonOutcome.BAD_PASSWORD);
    }

    @Test
    void disabledAccountIsRefusedAndRecordedAsDisabled() throws Exception {
        long id = accounts.create("audit.off", "Audit Off", Role.STAFF, "correct horse battery", "test");
        accounts.disable(id, "test", "left the school");

        mvc.perform(post("/login").with(csrf()).param("username", "audit.off").param("password", "correct horse battery"))
                .andExpect(redirectedUrl("/login?error"));

        assertThat(latestFor("audit.off").outcome()).isEqualTo(LogonOutcome.DISABLED);
    }

    @Test
    void overlongUserAgentIsTruncated() throws Exception {
        logon("audit.ua", "x", "Mozilla " + "x".repeat(1000));

        String stored = latestFor("audit.ua").userAgent();
        assertThat(stored).hasSize(LogonDetails.MAX_USER_AGENT).startsWith("Mozilla x");
    }

    @Test
    void searchFiltersByOutcomeNewestFirst() throws Exception {
        accounts.create("audit.mix", "Audit Mix", Role.STAFF, "correct horse battery", "test");
        logon("audit.mix", "wrong", "first");
        logon("audit.mix", "correct horse battery", "second");
        logon("audit.mix", "wrong", "third");

        List<LogonAudit.LogonAttempt> failures = audit.search("audit.mix", LogonOutcome.BAD_PASSWORD, 10, 0);

        assertThat(failures).extracting(LogonAudit.LogonAttempt::userAgent).containsExactly("third", "first");
    }
}
