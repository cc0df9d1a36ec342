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
import org.lantern.server.support.TestUsers;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class ApiTokenTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;

    static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    Accounts accountsPort;
    @Autowired
    AccountEvents events;

    private String tokenFor(String username, Role role) {
        accounts.create(username, username, role, "a password 1", "test");
        return tokens.create(username, "script", 30, "test").token();
    }

    private ApiTokenService.CreatedToken createdFor(String username) {
        accounts.create(username, username, Role.DSL, "a password 1", "test");
        return tokens.create(username, "script", null, "test");
    }

    private long idOf(String username) {
        return accountsPort.idOf(username).orElseThrow();
    }

    private ResultActions callLogonApi(String token) throws Exception {
        return mvc.perform(get("/api/v1/audit/logons").header("Authorization", "Bearer " + token));
    }

    @Test
    void bearerTokenActsWithItsAccountsPermissionsWithoutASession() throws Exception {
        callLogonApi(tokenFor("api.dsl", Role.DSL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray())
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void bearerTokenOfARoleWithoutThePermissionGets403Json() throws Exception {
        callLogonApi(tokenFor("api.staff", Role.STAFF))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("forbidden"));
    }

    /** A token made unusable some way, given the test and a fresh username. */
    interface UnusableToken {
        String make(ApiTokenTest test, String username) throws Exception;
    }

    static Stream<Arguments> unusableTokens() {
        return Stream.of(
                Arguments.of(Named.of("unknown", (UnusableToken) (t, u) -> "lan_not-a-real-token"), "is not valid"),
                Arguments.of(Named.of("revoked", (UnusableToken) (t, u) -> {
                    ApiTokenService.CreatedToken created = t.createdFor(u);
                    t.tokens.revoke(t.idOf(u), created.id(), u);
                    return created.token();
                }), "is not valid"),
                Arguments.of(Named.of("expired", (UnusableToken) (t, u) -> {
                    String token = t.tokenFor(u, Role.DSL);
                    t.jdbc.sql("UPDATE api_token SET expires_at = :past WHERE token_hash = :h")
                            .param("past", AccountStore.utc(Instant.now().minusSeconds(1))).param("h", ApiTokenService.hash(token)).update();
                    return token;
                }), "has expired. Renew"),
                Arguments.of(Named.of("of a disabled account", (UnusableToken) (t, u) -> {
                    String token = t.tokenFor(u, Role.DSL);
                    t.jdbc.sql("UPDATE account SET enabled = FALSE WHERE username = :u").param("u", u).update();
                    return token;
                }), "is not valid"),
                Arguments.of(Named.of("of an account whose password an administrator reset", (UnusableToken) (t, u) -> {
                    String token = t.tokenFor(u, Role.DSL);
                    t.callLogonApi(token).andExpect(status().isOk());
                    t.accounts.resetPassword(t.idOf(u), "admin", "phoned the office");
                    return token;
                }), "is not valid"));
    }

    @ParameterizedTest
    @MethodSource("unusableTokens")
    void unusableTokenGets401ProblemJson(UnusableToken unusable, String detail) throws Exception {
        String token = unusable.make(this, "api.unusable" + USERS.incrementAndGet());

        callLogonApi(token).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }

    @Test
    void anonymousApiCallGets401JsonRatherThanTheSignInPage() throws Exception {
        mvc.perform(get("/api/v1/audit/logons")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void administratorsResetRevokesTheAccountsTokensAudited() {
        tokenFor("api.reset", Role.DSL);
        long id = idOf("api.reset");

        accounts.resetPassword(id, "admin", "phoned the office");

        assertThat(tokens.listFor(id)).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
        assertThat(events.forAccount(id)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("API_TOKEN_REVOKED");
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.reason()).contains("password reset");
        });
    }

    @Test
    void tokenMadeWithoutAnExpiryExpiresAfterTheDefaultNinetyDays() {
        ApiTokenService.CreatedToken created = createdFor("api.default");

        assertThat(created.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(90)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(90)));
    }

    @Test
    void tokensPageShowsTheExpiryAndRenewsAWorkingToken() throws Exception {
        ApiTokenService.CreatedToken created = createdFor("api.renew");
        jdbc.sql("UPDATE api_token SET expires_at = :soon WHERE id = :id")
                .param("soon", AccountStore.utc(Instant.now().plus(Duration.ofDays(2)))).param("id", created.id()).update();
        Authentication owner = TestUsers.signedIn(accounts, accountsPort, "api.renew", Role.STAFF);

        mvc.perform(get("/account/tokens").with(authentication(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Renew token script")));
        mvc.perform(post("/account/tokens/" + created.id() + "/renew").with(authentication(owner)).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));

        assertThat(tokens.listFor(idOf("api.renew")).get(0).expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(89)));
        assertThat(events.forAccount(idOf("api.renew"))).anySatisfy(e -> assertThat(e.action()).isEqualTo("API_TOKEN_RENEWED"));
    }

    @Test
    void tokensPageSaysWhichTokensOnlyIngestAndHowToMakeOne() throws Exception {
        accounts.create("api.scoped", "api.scoped", Role.ADMIN, "a password 1", "test");
        tokens.create("api.scoped", "proxy 1", 1, ApiTokenScope.INGEST, "test");
        tokens.create("api.scoped", "reports", 1, "test");
        Authentication owner = TestUsers.signedIn(accounts, accountsPort, "api.scoped", Role.ADMIN);

        mvc.perform(get("/account/tokens").with(authentication(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ApiTokenScope.INGEST.label())))
                .andExpect(content().string(containsString(ApiTokenScope.FULL.label())))
                .andExpect(content().string(containsString("--scope ingest")));
        assertThat(tokens.listFor(idOf("api.scoped"))).extracting(ApiTokenService.TokenSummary::scope)
                .containsExactly(ApiTokenScope.FULL, ApiTokenScope.INGEST);
    }

    @Test
    void expiredTokenCannotBeRenewed() throws Exception {
        ApiTokenService.CreatedToken created = createdFor("api.late");
        jdbc.sql("UPDATE api_token SET expires_at = :past WHERE id = :id")
                .param("past", AccountStore.utc(Instant.now().minusSeconds(1))).param("id", created.id()).update();
        Authentication owner = TestUsers.signedIn(accounts, accountsPort, "api.late", Role.STAFF);

        mvc.perform(post("/account/tokens/" + created.id() + "/renew").with(authentication(owner)).with(csrf()))
                .andExpect(status().isNotFound());
        callLogonApi(created.token()).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAHashOfTheTokenIsStored() {
        String token = tokenFor("api.hash", Role.STAFF);

        assertThat(jdbc.sql("SELECT token_hash FROM api_token").query(String.class).list())
                .contains(ApiTokenService.hash(token)).doesNotContain(token);
    }

    @Test
    void openApiDocumentListsTheLogonAuditAndTheBearerScheme() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/audit/logons")))
                .andExpect(jsonPath("$.components.securitySchemes.bearerToken.scheme").value("bearer"));
    }
}
