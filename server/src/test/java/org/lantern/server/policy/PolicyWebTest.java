package org.lantern.server.policy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.assertj.core.api.Assertions;
import org.lantern.server.support.PersistenceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@PersistenceTest
@AutoConfigureMockMvc
class PolicyWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PolicyService policies;

    @Test
    void policySchemaIsPublishedToAnyone() throws Exception {
        mvc.perform(get("/api/v1/policy/schema"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/schema+json"))
                .andExpect(jsonPath("$.$schema").value(containsString("2020-12")));
    }

    @Test
    @WithMockUser(authorities = "POLICY_READ")
    void currentPolicyApiReturnsTheVersionAndThePolicyAsJson() throws Exception {
        mvc.perform(get("/api/v1/policy/current"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").isNumber())
                .andExpect(jsonPath("$.author").isString())
                .andExpect(jsonPath("$.createdAt").isString())
                .andExpect(jsonPath("$.policy.school.name").isString())
                .andExpect(jsonPath("$.policy.activities").isArray());
    }

    @Test
    @WithMockUser(authorities = "POLICY_READ")
    void versionsApiListsEveryVersion() throws Exception {
        mvc.perform(get("/api/v1/policy/versions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[-1].version").value(1))
                .andExpect(jsonPath("$[-1].reason").value("initial preset"));
    }

    @Test
    @WithMockUser(authorities = "POLICY_READ")
    void unknownVersionIsAProblemDetail() throws Exception {
        mvc.perform(get("/api/v1/policy/versions/9999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    @WithMockUser(authorities = "DASHBOARD")
    void apiNeedsPolicyRead() throws Exception {
        mvc.perform(get("/api/v1/policy/current"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    @WithMockUser(authorities = "POLICY_READ")
    void policyPageShowsThePublishedTablesAndTheVersionBanner() throws Exception {
        mvc.perform(get("/policy"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<caption>User Actions</caption>")))
                .andExpect(content().string(containsString("(in force)")));
    }

    @Test
    @WithMockUser(authorities = "POLICY_READ")
    void userWithoutPolicyEditCannotPostAChange() throws Exception {
        mvc.perform(post("/policy/edit").with(csrf()).param("yaml", "x: 1").param("reason", "r"))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(authorities = "POLICY_READ")
    void userWithoutPolicyEditCannotOpenTheEditor() throws Exception {
        mvc.perform(get("/policy/edit")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "dsl", authorities = {"POLICY_READ", "POLICY_EDIT"})
    void postWithoutCsrfTokenIsRejectedAndChangesNothing() throws Exception {
        int before = policies.current().orElseThrow().number();
        mvc.perform(post("/policy/edit").param("yaml", policies.current().orElseThrow().yaml()).param("reason", "r"))
                .andExpect(status().isForbidden());
        Assertions.assertThat(policies.current().orElseThrow().number()).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "dsl", authorities = {"POLICY_READ", "POLICY_EDIT"})
    void validEditCreatesAVersionAttributedToTheSignedInUser() throws Exception {
        String yaml = policies.current().orElseThrow().yaml().replace("title: Online Safety Whole School Policy",
                "title: Online Safety Policy");
        mvc.perform(post("/policy/edit").with(csrf()).param("yaml", yaml).param("reason", "Shorter title"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/policy"));
        PolicyVersion saved = policies.current().orElseThrow();
        Assertions.assertThat(saved.author()).isEqualTo("dsl");
        Assertions.assertThat(saved.reason()).isEqualTo("Shorter title");
    }

    @Test
    @WithMockUser(username = "dsl", authorities = {"POLICY_READ", "POLICY_EDIT"})
    void invalidEditShowsErrorsWithLineNumbersAndKeepsTheText() throws Exception {
        int before = policies.current().orElseThrow().number();
        mvc.perform(post("/policy/edit").with(csrf()).param("yaml", "school:\n  name: <b>X</b>\n").param("reason", "test"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("role=\"alert\"")))
                .andExpect(content().string(containsString("line 1, column 1")))
                .andExpect(content().string(containsString("&lt;b&gt;X&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>X</b>"))));
        Assertions.assertThat(policies.current().orElseThrow().number()).isEqualTo(before);
    }

    @Test
    @WithMockUser(authorities = "POLICY_READ")
    void historyListsVersionsWithReasons() throws Exception {
        mvc.perform(get("/policy/history"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("initial preset")));
    }

    @Test
    @WithMockUser(username = "head", authorities = {"POLICY_READ", "POLICY_EDIT"})
    void diffPageMarksInsertedAndDeletedLines() throws Exception {
        String yaml = policies.current().orElseThrow().yaml();
        PolicyVersion a = policies.propose(yaml.replace("approved: \"2020-09-01\"", "approved: \"2020-09-02\""), "head", "date fix");
        PolicyVersion b = policies.propose(yaml, "head", "undo date fix");
        mvc.perform(get("/policy/diff").param("from", "" + a.number()).param("to", "" + b.number()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">  approved: &quot;2020-09-02&quot;</del>")))
                .andExpect(content().string(containsString(">  approved: &quot;2020-09-01&quot;</ins>")))
                .andExpect(content().string(containsString(">  name: ")))
                .andExpect(content().string(containsString("unchanged lines</em>")))
                .andExpect(content().string(not(containsString("sanctions:"))));
    }

    @Test
    @WithMockUser(username = "head", authorities = {"POLICY_READ", "POLICY_EDIT"})
    void restoreButtonPutsAnOldVersionBackInForce() throws Exception {
        mvc.perform(post("/policy/history/1/restore").with(csrf()).param("reason", "Back to the preset"))
                .andExpect(status().is3xxRedirection());
        PolicyVersion current = policies.current().orElseThrow();
        Assertions.assertThat(current.restoredFrom()).isEqualTo(1);
        Assertions.assertThat(current.author()).isEqualTo("head");
    }

    @Test
    @WithMockUser(authorities = "POLICY_READ")
    void restoreNeedsPolicyEdit() throws Exception {
        mvc.perform(post("/policy/history/1/restore").with(csrf()).param("reason", "r"))
                .andExpect(status().isForbidden());
    }
}
