package org.lantern.server.dataprotection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestActivity;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A subject access request's export includes the person's activity log: counted in the export,
 * every row in its CSV part (more rows than the export reads at a time), no one else's rows, and
 * no cell a spreadsheet would run.
 */
@PersistenceTest
@AutoConfigureMockMvc
class SubjectAccessActivityTest {

    private static final Instant FIRST = Instant.parse("2025-06-02T08:00:00Z");
    private static final int ROWS = PersonalActivity.PAGE + 201;

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubjectAccessRequests requests;
    @Autowired
    ActivityStore store;

    Authentication dsl;
    long requestId;

    @BeforeEach
    void setUp() {
        DataProtectionFixtures.clear(jdbc);
        dsl = TestUsers.signedIn(accountService, accounts, "sara.dsl", Role.DSL);
        String surname = TestPeople.unique("Quenby");
        long subject = TestPeople.pupil(jdbc, "Quentin", surname);
        long other = TestPeople.pupil(jdbc, "Rosalind", TestPeople.unique("Ravel"));
        List<ActivityRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(TestActivity.row(FIRST.plusSeconds(i), subject, "quenby-" + i + ".example", "ALLOW", "education"));
        }
        rows.add(TestActivity.row(FIRST.plusSeconds(ROWS), subject, "search.example", "BLOCK", "adult", "=1+2"));
        rows.add(TestActivity.row(FIRST.plusSeconds(ROWS + 1), subject, "search.example", "ALLOW", null, "@SUM(A1)"));
        rows.add(TestActivity.row(FIRST, other, "ravel-only.example", "ALLOW", "education"));
        TestActivity.append(store, rows.toArray(ActivityRow[]::new));
        requestId = requests.record(new SubjectAccessRequests.NewRequest("Quentin " + surname, "a parent", subject,
                People.today(), true, "Known to the school"), "sara.dsl").id();
    }

    private MockHttpServletResponse download(Authentication user) throws Exception {
        return mvc.perform(get("/data-protection/subject-access/" + requestId + "/export-activity.csv")
                .with(authentication(user))).andReturn().getResponse();
    }

    @Test
    void theCsvPartHoldsEveryRowOfThePersonAndTheExportCountsThem() throws Exception {
        MockHttpServletResponse csv = download(dsl);
        String json = mvc.perform(get("/data-protection/subject-access/" + requestId + "/export.json")
                .with(authentication(dsl))).andReturn().getResponse().getContentAsString();

        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains(PersonalDataExports.activityCsvName(requestId));
        List<String> lines = csv.getContentAsString().lines().toList();
        assertThat(lines.getFirst()).startsWith("time,user,client_ip");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(ROWS + 3)
                .anyMatch(l -> l.contains("quenby-0.example")).anyMatch(l -> l.contains("quenby-" + (ROWS - 1) + ".example"))
                .noneMatch(l -> l.contains("ravel-only.example"));
        assertThat(json).contains("\"activity\":{\"included\":true,\"rows\":" + (lines.size() - 1) + ",");
        assertThat(requests.exports(requestId)).extracting(SubjectAccessRequests.Export::format).contains("CSV", "JSON");
    }

    @Test
    void noCellOfTheCsvPartIsAFormula() throws Exception {
        String csv = download(dsl).getContentAsString();

        assertThat(csv).contains(",'=1+2,", ",'@SUM(A1),").doesNotContain(",=1+2,", ",@SUM(A1),");
    }

    @Test
    void theNetworkManagerGetsNeitherTheRowsNorTheirCount() throws Exception {
        Authentication admin = TestUsers.signedIn(accountService, accounts, "sara.admin", Role.ADMIN);

        assertThat(download(admin).getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/data-protection/subject-access/" + requestId + "/export.json")
                .with(authentication(admin))).andReturn().getResponse().getContentAsString())
                .contains("\"activity\":{\"included\":false");
    }
}
