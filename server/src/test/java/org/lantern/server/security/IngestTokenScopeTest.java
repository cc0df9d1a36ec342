package org.lantern.server.security;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.ApiTokenScope;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * A token limited to ingest, though its account is an administrator's, reaches the ingest API and
 * gets 403 on every other API endpoint of the permission matrix, which the same account's full
 * token reaches.
 */
@PersistenceTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestTokenScopeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    ApiTokenService tokens;

    private String ingestOnly;
    private String full;

    @BeforeAll
    void anAdministratorWithBothKindsOfToken() {
        String admin = TestPeople.unique("scope.admin.");
        accounts.create(admin, "Scope Admin", Role.ADMIN, "a password 1", "test");
        ingestOnly = tokens.create(admin, "proxy", 1, ApiTokenScope.INGEST, "test").token();
        full = tokens.create(admin, "everything", 1, "test").token();
    }

    static Stream<PermissionMatrixTest.Row> apiRowsAnAdministratorMayReach() {
        return PermissionMatrixTest.ROWS.stream()
                .filter(row -> row.path().startsWith("/api/") || row.path().startsWith("/actuator/"))
                .filter(row -> row.allows(Role.ADMIN));
    }

    private int status(PermissionMatrixTest.Row row, String token) throws Exception {
        return mvc.perform(request(row.method(), row.path()).header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getStatus();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRowsAnAdministratorMayReach")
    void anIngestOnlyTokenReachesTheIngestApiAndNothingElse(PermissionMatrixTest.Row row) throws Exception {
        boolean ingest = row.permissions().equals(java.util.Set.of(Permission.ACTIVITY_INGEST));

        assertThat(status(row, full)).as("full token").isNotIn(401, 403);
        if (ingest) {
            assertThat(status(row, ingestOnly)).as("ingest-only token").isNotIn(401, 403);
        } else {
            assertThat(status(row, ingestOnly)).as("ingest-only token").isEqualTo(403);
        }
    }
}
