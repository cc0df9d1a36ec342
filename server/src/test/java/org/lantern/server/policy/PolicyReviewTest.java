package org.lantern.server.policy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.policy.PolicyParser;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A policy past its review date says so where it is read and reviewed: the policy page, the
 * governors' report and the dashboard of those who review it (the preset's review date, 2021, is
 * long gone); once a version gives a later date, the warning goes.
 */
@PersistenceTest
@AutoConfigureMockMvc
class PolicyReviewTest {

    private static final String WARNING = "Policy review overdue";

    @Autowired
    MockMvc mvc;
    @Autowired
    PolicyService policies;

    @ParameterizedTest
    @CsvSource({
            "/policy, POLICY_READ, true",
            "/reports/governors, REPORTS_ANONYMISED, true",
            "/, DASHBOARD REPORTS_ANONYMISED POLICY_READ, true",
            "/, DASHBOARD POLICY_EDIT POLICY_READ, true",
            "/, DASHBOARD POLICY_READ INCIDENT_RECORD, false"})
    void anOverdueReviewIsWarnedOf(String page, String authorities, boolean warned) throws Exception {
        String html = mvc.perform(get(page).with(user("reader").authorities(
                java.util.Arrays.stream(authorities.split(" "))
                        .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList())))
                .andReturn().getResponse().getContentAsString();
        if (warned) {
            assertThat(html).contains(WARNING, "review was due on 1 Sep", "2021", "years");
        } else {
            assertThat(html).doesNotContain(WARNING);
        }
    }

    @Test
    @WithMockUser(username = "head", authorities = {"POLICY_READ", "POLICY_EDIT"})
    void aVersionWithALaterReviewDateEndsTheWarning() throws Exception {
        String yaml = policies.current().orElseThrow().yaml();
        int next = LocalDate.now().getYear() + 1;
        policies.propose(yaml.replace("nextReview: \"2021-09-01\"", "nextReview: \"" + next + "-09-01\""), "head",
                "reviewed by governors");
        try {
            assertThat(mvc.perform(get("/policy")).andReturn().getResponse().getContentAsString()).doesNotContain(WARNING);
        } finally {
            policies.propose(yaml, "head", "back to the preset for the other tests");
        }
    }

    @Test
    void lateBySaysYearsAndMonthsOrDays() {
        var policy = PolicyParser.parse(policiesYaml());
        assertThat(PolicyReview.overdue(policy, LocalDate.of(2026, 12, 6)).orElseThrow().lateBy()).isEqualTo("5 years and 3 months");
        assertThat(PolicyReview.overdue(policy, LocalDate.of(2021, 9, 3)).orElseThrow().lateBy()).isEqualTo("2 days");
        assertThat(PolicyReview.overdue(policy, LocalDate.of(2021, 9, 1))).isEmpty();
    }

    private String policiesYaml() {
        return policies.current().orElseThrow().yaml();
    }
}
