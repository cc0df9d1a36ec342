package org.lantern.server.unblocking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class ChangeControlTest {

    @Autowired
    ChangeControlLog log;
    @Autowired
    Unblocks unblocks;
    @Autowired
    PolicyService policies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final Instant now = Instant.now();

    @Test
    void policyVersionsAndUnblockStepsAreOneListInTimeOrder() {
        UnblockRequest asked = unblocks.request(UnblockTestData.draft("https://merged.example/", now), "t.teacher", now);
        String yaml = policies.current().orElseThrow().yaml();
        policies.propose(yaml + "\n", "h.head", "Merged-log test version");
        unblocks.grant(asked.id(), "d.dsl", "Merged-log grant", Instant.now().plusMillis(5));

        List<ChangeControlLog.Entry> entries = log.entries(new ChangeControlLog.Filter(null, null, null), false);

        assertThat(entries).extracting(ChangeControlLog.Entry::at).isSorted();
        List<String> whys = entries.stream().map(ChangeControlLog.Entry::why).toList();
        assertThat(whys).containsSubsequence("Year 10 maths: probability and gambling", "Merged-log test version",
                "Merged-log grant");
        assertThat(entries).filteredOn(e -> "Merged-log test version".equals(e.why())).singleElement()
                .satisfies(e -> assertThat(e.link()).startsWith("/policy/diff?from="));
    }

    @Test
    void theKindFilterShowsOnlyThatKind() {
        unblocks.request(UnblockTestData.draft("https://kind.example/", now), "t.teacher", now);

        assertThat(log.entries(new ChangeControlLog.Filter(null, null, ChangeControlLog.Kind.POLICY), false))
                .isNotEmpty().allMatch(e -> e.kind() == ChangeControlLog.Kind.POLICY);
    }

    @Test
    void theDateFilterLeavesOutDaysOutsideTheRange() {
        LocalDate tomorrow = LocalDate.now(SchoolTime.ZONE).plusDays(1);

        assertThat(log.entries(new ChangeControlLog.Filter(tomorrow, tomorrow.plusDays(1), null), false)).isEmpty();
    }

    @Test
    @WithMockUser(username = "gov", authorities = "CHANGE_CONTROL_READ")
    void governorsSeeHowManyNamedPupilsButNotWho() throws Exception {
        named("Ottoline", "Quenby");

        mvc.perform(get("/change-control"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 named pupil")))
                .andExpect(content().string(not(containsString("Quenby"))));
    }

    @Test
    @WithMockUser(username = "gov", authorities = "CHANGE_CONTROL_READ")
    void theCsvExportNamesNoPupilForGovernorsEither() throws Exception {
        named("Peregrine", "Uffington");

        mvc.perform(get("/change-control.csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 named pupil")))
                .andExpect(content().string(not(containsString("Uffington"))));
    }

    @Test
    @WithMockUser(username = "dsl", authorities = {"CHANGE_CONTROL_READ", "UNBLOCK_APPROVE"})
    void approversSeeTheNames() throws Exception {
        named("Araminta", "Vosper");

        mvc.perform(get("/change-control")).andExpect(content().string(containsString("Araminta Vosper")));
    }

    @Test
    @WithMockUser(username = "gov", authorities = "CHANGE_CONTROL_READ")
    void csvCellsThatASpreadsheetWouldRunAreDefused() throws Exception {
        unblocks.request(new UnblockDraft("https://csv.example/", Scope.DOMAIN, List.of("ks4"), List.of(),
                "=HYPERLINK(\"http://evil.example\",\"x\")", null, now.plus(Duration.ofDays(1))), "t.teacher", now);

        mvc.perform(get("/change-control.csv").param("kind", "unblock"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("\"'=HYPERLINK(")))
                .andExpect(content().string(not(containsString(",\"=HYPERLINK("))));
    }

    @Test
    @WithMockUser(username = "gov", authorities = "CHANGE_CONTROL_READ")
    void aBadDateIsAClearErrorOnThePage() throws Exception {
        mvc.perform(get("/change-control").param("from", "last tuesday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("role=\"alert\"")))
                .andExpect(content().string(containsString("is not a date")));
    }

    private void named(String first, String last) {
        long pupil = UnblockTestData.pupil(jdbc, first, last);
        unblocks.request(new UnblockDraft("https://named-" + pupil + ".example/", Scope.DOMAIN, List.of(), List.of(pupil),
                "Individual research project", null, now.plus(Duration.ofDays(1))), "t.teacher", now);
    }
}
