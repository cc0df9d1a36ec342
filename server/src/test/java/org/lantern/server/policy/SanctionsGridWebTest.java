package org.lantern.server.policy;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.lantern.policy.PolicyDiff;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.SanctionsTable;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The Actions / Sanctions grids' form saved through change control. */
@PersistenceTest
@AutoConfigureMockMvc
class SanctionsGridWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PolicyService policies;

    @Test
    @WithMockUser(authorities = "POLICY_EDIT")
    void theEditorShowsBothTablesAsGrids() throws Exception {
        mvc.perform(get("/policy/edit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pupils Actions / Sanctions table")))
                .andExpect(content().string(containsString("Staff Actions / Sanctions table")))
                .andExpect(content().string(containsString("aria-label=\"Suspension: Inappropriate personal use")));
    }

    @Test
    @WithMockUser(username = "dsl", authorities = {"POLICY_READ", "POLICY_EDIT"})
    void untickingACellMakesAVersionChangingOnlyThatLine() throws Exception {
        PolicyVersion before = policies.current().orElseThrow();
        mvc.perform(form("staff", before, r -> r.id().equals("inappropriate-personal-use")
                        ? new SanctionsTable.Row(r.id(), r.text(), r.actions().stream().filter(a -> !a.equals("suspension")).toList(), r.offered())
                        : r).param("reason", "Suspension is for repeated misuse"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/policy"));

        PolicyVersion after = policies.current().orElseThrow();
        Assertions.assertThat(after.number()).isEqualTo(before.number() + 1);
        Assertions.assertThat(after.author()).isEqualTo("dsl");
        Assertions.assertThat(after.reason()).isEqualTo("Suspension is for repeated misuse");
        Assertions.assertThat(PolicyDiff.diff(before.yaml(), after.yaml()).stream()
                        .filter(l -> l.kind() != PolicyDiff.Kind.SAME).map(PolicyDiff.DiffLine::text))
                .containsExactly("            actions: [refer-to-line-manager, refer-to-ict-lead, warning, suspension, disciplinary-action]",
                        "            actions: [refer-to-line-manager, refer-to-ict-lead, warning, disciplinary-action]");
    }

    @Test
    @WithMockUser(username = "dsl", authorities = {"POLICY_READ", "POLICY_EDIT"})
    void anInvalidTableIsShownAgainWithTheReasonAndTheSchoolsText() throws Exception {
        PolicyVersion before = policies.current().orElseThrow();
        mvc.perform(form("pupil", before, r -> r.id().equals("using-staff-account")
                        ? new SanctionsTable.Row(r.id(), "Using a teacher's login", List.of("further-sanction"), r.offered())
                        : r).param("reason", "Stricter"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"pupil-sanctions-errors\"")))
                .andExpect(content().string(containsString("further-sanction")))
                .andExpect(content().string(containsString("Using a teacher&#39;s login")))
                .andExpect(content().string(containsString("value=\"Stricter\"")));
        Assertions.assertThat(policies.current().orElseThrow().number()).isEqualTo(before.number());
    }

    @Test
    @WithMockUser(username = "dsl", authorities = {"POLICY_READ", "POLICY_EDIT"})
    void aTableWithoutAReasonIsNotSaved() throws Exception {
        PolicyVersion before = policies.current().orElseThrow();
        mvc.perform(form("pupil", before, UnaryOperator.identity()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"pupil-sanctions-errors\"")));
        Assertions.assertThat(policies.current().orElseThrow().number()).isEqualTo(before.number());
    }

    @Test
    @WithMockUser(authorities = "POLICY_READ")
    void readingThePolicyIsNotEnoughToChangeATable() throws Exception {
        PolicyVersion before = policies.current().orElseThrow();
        mvc.perform(form("staff", before, UnaryOperator.identity()).param("reason", "r"))
                .andExpect(status().isForbidden());
        Assertions.assertThat(policies.current().orElseThrow().number()).isEqualTo(before.number());
    }

    /** The grid's form as the editor posts it, with each row of the version passed through {@code edit}. */
    private static MockHttpServletRequestBuilder form(String side, PolicyVersion version,
                                                      UnaryOperator<SanctionsTable.Row> edit) {
        MockHttpServletRequestBuilder request = post("/policy/edit/sanctions/" + side).with(csrf());
        List<SanctionsTable.Row> rows = SanctionsTable.rows(PolicyParser.parse(version.yaml()), SanctionsTable.Side.fromId(side));
        for (int i = 0; i < rows.size(); i++) {
            SanctionsTable.Row row = edit.apply(rows.get(i));
            request.param("id." + i, row.id()).param("text." + i, row.text());
            for (String action : row.actions()) {
                request.param("action." + i, action);
            }
        }
        return request.param("id." + rows.size(), "").param("text." + rows.size(), "");
    }
}
