package org.lantern.server.security;

import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.LogonAudit;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Form posts without a valid CSRF token are refused and change nothing. */
@PersistenceTest
@AutoConfigureMockMvc
class CsrfProtectionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    LogonAudit audit;

    @Test
    void signInWithAForgedCsrfTokenIsRefusedAndNotEvenAttempted() throws Exception {
        accountService.create("csrf.login", "Csrf Login", Role.STAFF, "csrf password 1", "test");

        mvc.perform(post("/login").with(csrf().useInvalidToken())
                        .param("username", "csrf.login").param("password", "csrf password 1"))
                .andExpect(status().isForbidden());

        assertThat(audit.search("csrf.login", null, 10, 0)).isEmpty();
    }

    @Test
    void signInWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "csrf.none").param("password", "x"))
                .andExpect(status().isForbidden());

        assertThat(audit.search("csrf.none", null, 10, 0)).isEmpty();
    }

    @Test
    void creatingAnAccountWithAForgedCsrfTokenIsRefusedAndCreatesNothing() throws Exception {
        long adminId = accountService.create("csrf.admin", "Csrf Admin", Role.ADMIN, "csrf password 1", "test");
        UsernamePasswordAuthenticationToken admin = UsernamePasswordAuthenticationToken.authenticated(
                new AccountPrincipal(adminId, "csrf.admin"), null,
                Role.ADMIN.permissions().stream().map(p -> new SimpleGrantedAuthority(p.authority())).toList());

        mvc.perform(post("/accounts").with(authentication(admin)).with(csrf().useInvalidToken())
                        .param("username", "csrf.victim").param("displayName", "Victim").param("role", "ADMIN"))
                .andExpect(status().isForbidden());

        assertThat(accounts.idOf("csrf.victim")).isEmpty();
    }
}
