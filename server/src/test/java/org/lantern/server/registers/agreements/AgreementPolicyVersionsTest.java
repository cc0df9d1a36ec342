package org.lantern.server.registers.agreements;

import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Agreement versions tied to the policy versions (H2 and PostgreSQL): each version records the
 * policy in force when it was published, shown on the register; a policy change saved as material
 * makes the register ask whether each agreement needs a new version (and publishes none); a change
 * not marked material asks nothing, and an agreement published since the change is no longer asked about.
 */
@PersistenceTest
@AutoConfigureMockMvc
class AgreementPolicyVersionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    AgreementTexts texts;
    @Autowired
    PolicyService policies;
    @Autowired
    PolicyChangePrompts prompts;

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "policyv", role);
    }

    private PolicyVersion saveThePolicy(String reason, boolean material) throws Exception {
        var request = post("/policy/edit").param("yaml", policies.current().orElseThrow().yaml()).param("reason", reason);
        if (material) {
            request.param("material", "true");
        }
        mvc.perform(request.with(as(Role.DSL)).with(csrf())).andExpect(redirectedUrl("/policy"));
        return policies.current().orElseThrow();
    }

    @Test
    void aVersionRecordsThePolicyInForceWhenItWasPublishedAndTheRegisterShowsIt() throws Exception {
        PolicyVersion policy = saveThePolicy("Tidied the wording.", false);
        AgreementVersion current = texts.inForce(Audience.VISITORS).orElseThrow();

        AgreementVersion published = texts.publish(Audience.VISITORS, current.title(), current.body(),
                ChangeKind.CORRECTION, "Same words, checked against the policy.", "dsl");

        assertThat(published.policyVersion()).isEqualTo(policy.number());
        assertThat(policy.material()).isFalse();
        mvc.perform(get("/registers/agreements").with(as(Role.OFFICE)))
                .andExpect(content().string(containsString("Published with policy")))
                .andExpect(content().string(containsString("version " + policy.number())));
        mvc.perform(get("/registers/agreements/texts/history").param("audience", "VISITORS")
                        .with(as(Role.OFFICE)))
                .andExpect(content().string(containsString("with the school policy at version " + policy.number())));
    }

    @Test
    void aMaterialPolicyChangeAsksWhetherEachAgreementNeedsANewVersionUntilOneIsPublished() throws Exception {
        saveThePolicy("Nothing of substance.", false);
        int before = texts.inForce(Audience.KS3).orElseThrow().number();

        PolicyVersion change = saveThePolicy("Social media sites are now allowed for sixth form.", true);

        assertThat(change.material()).isTrue();
        assertThat(policies.latestMaterial()).contains(change);
        assertThat(prompts.stale(texts.allInForce())).containsKeys(Audience.values()).allSatisfy((a, c) ->
                assertThat(c.number()).isEqualTo(change.number()));
        assertThat(texts.inForce(Audience.KS3).orElseThrow().number()).as("a prompt, not a new version").isEqualTo(before);
        mvc.perform(get("/registers/agreements").with(as(Role.DSL)))
                .andExpect(content().string(containsString("The school&#39;s policy changed materially in version "
                        + change.number())))
                .andExpect(content().string(containsString("Social media sites are now allowed for sixth form.")))
                .andExpect(content().string(containsString("Key Stage 3")))
                .andExpect(content().string(containsString("/registers/agreements/texts/edit?audience=KS3")));
        mvc.perform(get("/registers/agreements").with(as(Role.OFFICE)))
                .andExpect(content().string(containsString("changed materially")))
                .andExpect(content().string(not(containsString("/registers/agreements/texts/edit?audience=KS3"))));
        mvc.perform(get("/policy/history").with(as(Role.DSL)))
                .andExpect(content().string(containsString("(material change)")));

        AgreementVersion visitors = texts.inForce(Audience.VISITORS).orElseThrow();
        texts.publish(Audience.VISITORS, visitors.title(), visitors.body(), ChangeKind.CORRECTION,
                "Checked against the new policy: no change needed.", "dsl");
        assertThat(prompts.stale(texts.allInForce())).doesNotContainKey(Audience.VISITORS).containsKey(Audience.STAFF);

        saveThePolicy("A correction after the material change.", false);
        assertThat(policies.latestMaterial()).contains(change);
        assertThat(prompts.stale(texts.allInForce())).doesNotContainKey(Audience.VISITORS);
    }
}
