package org.lantern.server.identity;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Throttling by address comes before the account's own slow-down and lock, and one address
 * guessing cannot keep an account locked against the others for longer than the account's
 * longest wait.
 */
@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"lantern.logon.lock-after-failures=3", "lantern.logon.delay-after-failures=2",
        "lantern.logon.base-delay=1s", "lantern.logon.max-delay=2s",
        "lantern.logon.source.free-failures=4", "lantern.logon.source.base-delay=1m"})
class LogonSourcesTest {

    static final String PASSWORD = "correct horse battery";
    static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    LogonAudit audit;

    private static String newAddress() {
        return "192.0.2." + ADDRESSES.incrementAndGet();
    }

    private ResultActions logon(String username, String password, String from) throws Exception {
        return mvc.perform(LogonRequests.logon(username, password, from));
    }

    @Test
    void anAddressWithTooManyFailuresWaitsWhateverUsernameItTriesAndIsToldSo() throws Exception {
        String attacker = newAddress();
        for (int i = 0; i < 4; i++) {
            logon("nobody" + i, "guess", attacker);
        }
        accounts.create("src.wait", "Src Wait", Role.STAFF, PASSWORD, "test");

        ResultActions refused = logon("src.wait", PASSWORD, attacker).andExpect(redirectedUrl("/login?error"));

        assertThat(audit.search("src.wait", null, 1, 0).get(0).outcome()).isEqualTo(LogonOutcome.SOURCE_THROTTLED);
        MockHttpSession session = (MockHttpSession) refused.andReturn().getRequest().getSession(false);
        assertThat(mvc.perform(get("/login").param("error", "").session(session)).andReturn().getResponse().getContentAsString())
                .contains("Too many failed sign-ins from your network address. Wait ");
        logon("src.wait", PASSWORD, newAddress()).andExpect(redirectedUrl("/"));
    }

    @Test
    void anAttackerGuessingHoldsOffOtherAddressesNoLongerThanTheAccountsLongestWait() throws Exception {
        accounts.create("src.dsl", "Src Dsl", Role.STAFF, PASSWORD, "test");
        String attacker = newAddress();
        String dsl = newAddress();
        for (int i = 0; i < 2; i++) {
            logon("src.dsl", "guess " + i, attacker);
        }
        logon("src.dsl", PASSWORD, dsl).andExpect(redirectedUrl("/login?error"));
        for (int i = 0; i < 5; i++) {
            logon("src.dsl", "guess again " + i, attacker).andExpect(redirectedUrl("/login?error"));
        }

        Thread.sleep(2_100);

        logon("src.dsl", PASSWORD, dsl).andExpect(redirectedUrl("/"));
    }
}
