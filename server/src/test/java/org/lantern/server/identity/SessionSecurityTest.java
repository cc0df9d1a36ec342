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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class SessionSecurityTest {

    static final String PASSWORD = "correct horse battery";
    static final String NEW_PASSWORD = "Badgerhill77";
    static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    Accounts accountsPort;
    @Autowired
    JdbcClient jdbc;

    private MockHttpSession signIn(String username) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void signingInIssuesANewSessionId() throws Exception {
        accounts.create("s.fixation", "S Fixation", Role.STAFF, PASSWORD, "test");
        MockHttpSession before = new MockHttpSession();
        String idBefore = before.getId();

        MvcResult result = mvc.perform(post("/login").session(before).with(csrf())
                        .param("username", "s.fixation").param("password", PASSWORD))
                .andReturn();

        assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(idBefore);
    }

    @Test
    void signedInStaffReachTheDashboard() throws Exception {
        accounts.create("s.ok", "S Ok", Role.STAFF, PASSWORD, "test");

        mvc.perform(get("/").session(signIn("s.ok"))).andExpect(status().isOk());
    }

    @Test
    void sessionOlderThanTheAbsoluteTimeoutIsSentToSignInAsExpired() throws Exception {
        accounts.create("s.old", "S Old", Role.STAFF, PASSWORD, "test");
        MockHttpSession session = signIn("s.old");
        session.setAttribute(SessionSignIn.LOGON_AT, Instant.now().minus(Duration.ofHours(8)).minusSeconds(1));

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void requestWithAnExpiredSessionIdIsSentToSignInAsExpired() throws Exception {
        mvc.perform(get("/").with(request -> {
                    request.setRequestedSessionId("long-gone");
                    request.setRequestedSessionIdValid(false);
                    return request;
                }))
                .andExpect(redirectedUrl("/login?expired"));
    }

    /** Something done to an account, given its id and its username, that must end the sessions signed in before. */
    interface AccountChange {
        void apply(SessionSecurityTest test, long id, String username) throws Exception;
    }

    static Stream<Arguments> changesThatEndSessions() {
        return Stream.of(
                Arguments.of(Named.of("disabled through the accounts port", (AccountChange) (t, id, u) ->
                        t.accountsPort.disable(id, "people-feature", "left the school"))),
                Arguments.of(Named.of("disabled directly in the database", (AccountChange) (t, id, u) ->
                        t.jdbc.sql("UPDATE account SET enabled = FALSE WHERE id = :id").param("id", id).update())),
                Arguments.of(Named.of("password reset by an administrator", (AccountChange) (t, id, u) ->
                        t.accounts.resetPassword(id, "admin", "forgot it"))),
                Arguments.of(Named.of("password changed by its owner in another session", (AccountChange) (t, id, u) ->
                        t.changePassword(t.signIn(u)).andExpect(redirectedUrl("/account?changed")))));
    }

    @ParameterizedTest
    @MethodSource("changesThatEndSessions")
    void changeEndsTheSessionsSignedInBeforeOnTheirNextRequest(AccountChange change) throws Exception {
        String username = "s.end" + USERS.incrementAndGet();
        long id = accounts.create(username, "S End", Role.STAFF, PASSWORD, "test");
        MockHttpSession session = signIn(username);

        change.apply(this, id, username);

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void sessionThatChangedThePasswordGoesOn() throws Exception {
        accounts.create("s.changer", "S Changer", Role.STAFF, PASSWORD, "test");
        MockHttpSession session = signIn("s.changer");

        changePassword(session).andExpect(redirectedUrl("/account?changed"));

        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    private ResultActions changePassword(MockHttpSession session) throws Exception {
        return mvc.perform(post("/account/password").session(session).with(csrf())
                .param("currentPassword", PASSWORD).param("newPassword", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD));
    }

    @Test
    void disablingIsAuditedWithActorAndReason() {
        long id = accounts.create("s.audit", "S Audit", Role.STAFF, PASSWORD, "test");

        accountsPort.disable(id, "people-feature", "left the school");

        assertThat(jdbc.sql("SELECT actor, action, reason FROM account_event WHERE account_id = :id AND action = 'DISABLED'")
                .param("id", id).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).list())
                .containsExactly("people-feature|DISABLED|left the school");
    }

    @Test
    void accountThatMustChangeItsPasswordCanReachOnlyThePasswordPage() throws Exception {
        accounts.create("s.change", "S Change", Role.STAFF, PASSWORD, "test");
        jdbc.sql("UPDATE account SET must_change_password = TRUE WHERE username = 's.change'").update();
        MockHttpSession session = signIn("s.change");

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        accounts.create("s.out", "S Out", Role.STAFF, PASSWORD, "test");
        MockHttpSession session = signIn("s.out");

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void passwordOlderThanThePolicyAllowsMustBeChangedAtLogon() throws Exception {
        long id = accounts.create("s.stale", "S Stale", Role.STAFF, PASSWORD, "test");
        jdbc.sql("UPDATE account SET password_changed_at = :old WHERE id = :id")
                .param("old", java.time.OffsetDateTime.now().minusDays(43)).param("id", id).update();

        MockHttpSession session = signIn("s.stale");

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        assertThat(jdbc.sql("SELECT action FROM account_event WHERE account_id = :id").param("id", id)
                .query(String.class).list()).contains("PASSWORD_EXPIRED");
    }

    @Test
    void passwordWithinThePolicyAgeIsNotForcedToChange() throws Exception {
        long id = accounts.create("s.fresh", "S Fresh", Role.STAFF, PASSWORD, "test");
        jdbc.sql("UPDATE account SET password_changed_at = :recent WHERE id = :id")
                .param("recent", java.time.OffsetDateTime.now().minusDays(41)).param("id", id).update();

        mvc.perform(get("/").session(signIn("s.fresh"))).andExpect(status().isOk());
    }
}
