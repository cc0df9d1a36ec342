package org.lantern.server.people;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
@WithMockUser(username = "staff", authorities = "PEOPLE_READ")
class PeopleApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accountService;
    @Autowired
    ApiTokenService tokens;

    @BeforeEach
    void importFixture() {
        PeopleTables.clear(jdbc);
        importer.apply(PeopleTables.fixture(), "roll.csv", false, false, "admin");
    }

    @Test
    @WithMockUser(username = "admin", authorities = {"PEOPLE_READ", "PEOPLE_READ_DETAILS"})
    void listsPupilsWithTheirNetworkIdentities() throws Exception {
        mvc.perform(get("/api/v1/people").param("role", "pupil"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[?(@.displayName == 'Olly Smith')].networkIdentities[?(@.type == 'PROXY_USERNAME')].value")
                        .value("osmith15"))
                .andExpect(jsonPath("$[?(@.displayName == 'Olly Smith')].keyStage").value("KS2"))
                .andExpect(jsonPath("$[?(@.displayName == 'Olly Smith')].keyStagePhase").value("UKS2"));
    }

    @Test
    void givesNoNetworkIdentitiesToThoseWhoseRoleDoesNotNeedThem() throws Exception {
        long id = people.findByProxyUsername("osmith15").orElseThrow().id();

        mvc.perform(get("/api/v1/people").param("role", "pupil"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Olly Smith")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("osmith15"))));
        mvc.perform(get("/api/v1/people/{id}", id))
                .andExpect(jsonPath("$.displayName").value("Olly Smith"))
                .andExpect(jsonPath("$.networkIdentities").doesNotExist());
    }

    /** By API token as by session: devices only for a role that needs them. */
    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "DSL", "HEADTEACHER", "STAFF"})
    void aTokenGetsNetworkIdentitiesOnlyForARoleThatNeedsThem(Role role) throws Exception {
        String username = TestPeople.unique("people.api." + role.name().toLowerCase() + ".");
        accountService.create(username, username, role, "a password 1", "test");
        String token = tokens.create(username, "script", 1, "test").token();
        long id = people.findByProxyUsername("osmith15").orElseThrow().id();

        mvc.perform(get("/api/v1/people/{id}", id).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Olly Smith"))
                .andExpect(role.can(Permission.PEOPLE_READ_DETAILS)
                        ? jsonPath("$.networkIdentities[0].value").exists()
                        : jsonPath("$.networkIdentities").doesNotExist());
    }

    @Test
    void listsOnlyTheRoleAskedFor() throws Exception {
        mvc.perform(get("/api/v1/people").param("role", "governor"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].kind").value("governor"));
    }

    @Test
    void listsEveryoneWithoutARole() throws Exception {
        mvc.perform(get("/api/v1/people")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(6)));
    }

    @Test
    void leavesOutDatesOfBirthAndPupilNumbers() throws Exception {
        mvc.perform(get("/api/v1/people").param("role", "pupil"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Q370400821001"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("2015-03-14"))));
    }

    @Test
    void returnsOnePersonById() throws Exception {
        long id = people.findByProxyUsername("head").orElseThrow().id();

        mvc.perform(get("/api/v1/people/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobTitle").value("Headteacher"))
                .andExpect(jsonPath("$.internetAccess").value(true));
    }

    @Test
    void anUnknownIdIsA404WithAJsonBody() throws Exception {
        mvc.perform(get("/api/v1/people/{id}", 999_999_999L))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aBadRoleIsA400WithAJsonBody() throws Exception {
        mvc.perform(get("/api/v1/people").param("role", "parent"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("pupil, staff, governor or visitor")));
    }

    @Test
    void aNonNumericIdIsA400WithAJsonBody() throws Exception {
        mvc.perform(get("/api/v1/people/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    @WithMockUser(username = "governor", authorities = "POLICY_READ")
    void isForbiddenWithoutPeopleRead() throws Exception {
        mvc.perform(get("/api/v1/people")).andExpect(status().isForbidden());
    }
}
