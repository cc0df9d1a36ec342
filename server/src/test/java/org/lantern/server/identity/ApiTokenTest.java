package org.lantern.server.identity;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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

    private String tokenFor(String username, Role role) {
        accounts.create(username, username, role, "a password 1", "test");
        return tokens.create(username, "script", 30, "test").token();
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

    @Test
    void unknownTokenGets401Json() throws Exception {
        callLogonApi("lan_not-a-real-token").andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void anonymousApiCallGets401JsonRatherThanTheSignInPage() throws Exception {
        mvc.perform(get("/api/v1/audit/logons")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void revokedTokenGets401() throws Exception {
        accounts.create("api.revoked", "api.revoked", Role.DSL, "a password 1", "test");
        ApiTokenService.CreatedToken created = tokens.create("api.revoked", null, null, "test");
        tokens.revoke(accounts.list().stream().filter(a -> a.username().equals("api.revoked")).findFirst().orElseThrow().id(),
                created.id(), "api.revoked");

        callLogonApi(created.token()).andExpect(status().isUnauthorized());
    }

    @Test
    void expiredTokenGets401() throws Exception {
        String token = tokenFor("api.expired", Role.DSL);
        jdbc.sql("UPDATE api_token SET expires_at = :past WHERE token_hash = :h")
                .param("past", AccountStore.utc(Instant.now().minusSeconds(1))).param("h", ApiTokenService.hash(token)).update();

        callLogonApi(token).andExpect(status().isUnauthorized());
    }

    @Test
    void tokenOfADisabledAccountGets401() throws Exception {
        String token = tokenFor("api.disabled", Role.DSL);
        jdbc.sql("UPDATE account SET enabled = FALSE WHERE username = 'api.disabled'").update();

        callLogonApi(token).andExpect(status().isUnauthorized());
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
