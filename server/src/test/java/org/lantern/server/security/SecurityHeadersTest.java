package org.lantern.server.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page carries a Content-Security-Policy that allows no inline or outside script, a
 * Referrer-Policy that sends no Referer (an evidence link followed from an incident must not tell
 * the outside site the incident's address), and a Permissions-Policy. That the pages still work
 * under the policy is shown by the browser tests, which fail on any violation Chromium reports.
 */
@PersistenceTest
@AutoConfigureMockMvc
class SecurityHeadersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    Accounts accountsPort;

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/", "/incidents/new", "/account/tokens", "/report-concern", "/blocked?url=http://x.example/",
            "/api/v1/policy/current"})
    void everyAnswerCarriesTheSecurityHeaders(String path) throws Exception {
        mvc.perform(get(path).with(authentication(TestUsers.signedIn(accounts, accountsPort, "headers.dsl", Role.DSL))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", allOf(
                        containsString("default-src 'self'"), containsString("script-src 'self';"),
                        containsString("object-src 'none'"), containsString("frame-ancestors 'none'"),
                        not(containsString("unsafe-eval")), not(containsString("script-src 'self' 'unsafe-inline'")))))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Permissions-Policy", containsString("camera=()")));
    }
}
