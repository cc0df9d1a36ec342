package org.lantern.server.demo;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.lantern.server.LanternProperties;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// Configured as DemoRecordsTest is, so the two share one demo school.
@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "lantern.mode=demo")
class DemoModeStartupTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;

    /** The demo's headteacher, who may read the policy and every report. */
    private Authentication head() {
        return TestUsers.signedIn(accountService, accounts, "head", Role.HEADTEACHER);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(authentication(head()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void demoModeStartsWithTheDemoSchoolItsAccountsAndThePolicyInForce() {
        assertThat(jdbc.sql("SELECT username FROM account ORDER BY username").query(String.class).list())
                .containsExactly("admin", "dsl", "governor", "head", "office", "pupil", "teacher");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single()).isGreaterThan(200L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_version").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theOfficeAccountKeepsTheRegistersAndIsRefusedEverySafeguardingPage() throws Exception {
        assertThat(jdbc.sql("SELECT role FROM account WHERE username = 'office'").query(String.class).single())
                .isEqualTo(Role.OFFICE.name());
        Authentication office = TestUsers.signedIn(accountService, accounts, "office", Role.OFFICE);
        for (String register : List.of("/registers/agreements", "/registers/consents", "/registers/devices",
                "/registers/training")) {
            mvc.perform(get(register).with(authentication(office))).andExpect(status().isOk());
        }
        for (String safeguarding : List.of("/incidents", "/alerts", "/activity", "/filtering/bypass-attempts",
                "/data-protection")) {
            mvc.perform(get(safeguarding).with(authentication(office))).andExpect(status().isForbidden());
        }
    }

    @Test
    void thePolicyPageNamesTheDemoSchoolByItsMadeUpName() throws Exception {
        assertThat(page("/policy")).contains(LanternProperties.DEMO_SCHOOL_NAME + ": Online Safety Whole School Policy");
    }

    @Test
    void noPageOrReportOfTheDemoNamesTheRealSchoolItsPolicyComesFrom() throws Exception {
        List<String> shown = new ArrayList<>();
        for (String path : List.of("/", "/policy", "/policy/history", "/api/v1/policy/current", "/reports/governors",
                "/api/v1/reports/governors", "/reports/weekly")) {
            shown.add(page(path));
        }
        byte[] pdf = mvc.perform(get("/reports/governors.pdf").with(authentication(head())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            shown.add(new PDFTextStripper().getText(document));
        }

        assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain("Astley Park"));
    }
}
