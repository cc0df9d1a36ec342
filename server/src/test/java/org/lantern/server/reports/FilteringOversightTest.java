package org.lantern.server.reports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestActivity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The governors' report counts what the filter and the data protection registers recorded in the
 * year, by month, kind and outcome, with counts of 1 or 2 shown as {@code <3} and no addresses or
 * names. 2009/10 is a year no other test records in; the activity log's blocks are in 2010/11.
 */
@PersistenceTest
@AutoConfigureMockMvc
class FilteringOversightTest {

    private static final OffsetDateTime OCTOBER = OffsetDateTime.of(2009, 10, 13, 10, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    FilteringOversight oversight;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ActivityStore store;

    @BeforeEach
    void aYearOfBlocks() {
        // The store is shared by every test context and outlives them: the rows go in once, and again
        // only if a retention run has deleted them since. They are a year later than the rest.
        Instant october = OCTOBER.plusYears(1).toInstant();
        ActivityQuery ours = new ActivityQuery(october, october.plusSeconds(3_600), null, null, null, null, null, null,
                "blocked.oversight.example", null, null, null);
        if (!store.search(ours, null, 1).rows().isEmpty()) {
            return;
        }
        List<ActivityRow> rows = new ArrayList<>();
        Map.of("gambling", 10, "online-gaming", 2, "oversight-adult", 4).forEach((category, n) -> {
            for (int i = 0; i < n; i++) {
                rows.add(TestActivity.row(october.plusSeconds(rows.size()), 990_002L, "blocked.oversight.example",
                        "BLOCK", category));
            }
        });
        rows.add(TestActivity.row(october, 990_002L, "blocked.oversight.example", "ALLOW", "oversight-news"));
        TestActivity.append(store, rows.toArray(ActivityRow[]::new));
    }

    @BeforeEach
    void aYearOfFiltering() {
        if (jdbc.sql("SELECT COUNT(*) FROM bypass_attempt WHERE host = 'vpn.oversight.example'").query(Long.class).single() > 0) {
            return;
        }
        for (int i = 0; i < 6; i++) {
            jdbc.sql("INSERT INTO bypass_attempt (attempted_at, subject_name, host, category, rule, action) "
                            + "VALUES (:at, 'Secret Pupilname', 'vpn.oversight.example', 'vpn', 'CATEGORY', 'BLOCK')")
                    .param("at", i < 5 ? OCTOBER : OCTOBER.plusMonths(1)).update();
        }
        for (String status : new String[] {"GRANTED", "GRANTED", "GRANTED", "GRANTED", "GRANTED", "REFUSED"}) {
            jdbc.sql("INSERT INTO unblock_request (target, scope, reason, valid_from, valid_until, requested_by, "
                            + "requested_at, status) VALUES ('https://unblock.oversight.example/', 'DOMAIN', 'lesson', "
                            + ":at, :until, 'teacher', :at, :status)")
                    .param("at", OCTOBER).param("until", OCTOBER.plusDays(1)).param("status", status).update();
        }
    }

    @Test
    void bypassAttemptsAndUnblocksAreCountedWithSmallNumbersSuppressed() {
        FilteringOversight.Oversight year = oversight.build(new SchoolYear(2009));

        assertThat(year.bypassByMonth().rows()).anySatisfy(r -> {
            // The total (6) is published, so October would give the <3 away: it is withheld as well.
            assertThat(r.label()).isEqualTo("October 2009");
            assertThat(r.count().display()).isEqualTo("withheld");
        }).anySatisfy(r -> {
            assertThat(r.label()).isEqualTo("November 2009");
            assertThat(r.count().display()).isEqualTo("<3");
        });
        assertThat(year.unblocksByOutcome().rows()).extracting(Breakdown.Row::label).containsExactly("Granted", "Refused");
        assertThat(year.unblocksByOutcome().rows().get(1).count().display()).isEqualTo("<3");
        assertThat(year.breakdowns()).extracting(Breakdown::title).contains("Bypass attempts by category",
                "Filter alerts by kind", "Data breaches, by whether reported to the ICO", "Subject access requests by status");
    }

    @Test
    void blockedRequestsAreCountedByCategoryFromTheActivityLogWithSmallNumbersSuppressed() {
        Breakdown blocked = oversight.build(new SchoolYear(2010)).blockedByCategory();

        // Named as the policy names them (a category it does not have keeps its id). 16 blocks are
        // published, so the <3 for gaming would follow from the others: the 4 are withheld too.
        assertThat(blocked.title()).isEqualTo("Blocked requests by category");
        assertThat(blocked.rows()).extracting(r -> r.label() + "=" + r.count().display()).containsExactly(
                "Gambling=10", "Online gaming (non-educational)=<3", "oversight-adult=withheld");
        assertThat(blocked.total().display()).isEqualTo("16");
    }

    @Test
    @WithMockUser(username = "governor", authorities = "REPORTS_ANONYMISED")
    void theReportPageShowsThemWithChartsAndNoNamesOrAddresses() throws Exception {
        String html = mvc.perform(get("/reports/governors").param("year", "2009")).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("Filtering, monitoring and data protection", "Unblock requests by outcome",
                "id=\"chart-bypass-months\"", "id=\"chart-unblocks\"");
        assertThat(html).doesNotContain("Secret Pupilname", "oversight.example");
    }

    @Test
    @WithMockUser(username = "governor", authorities = "REPORTS_ANONYMISED")
    void theReportPageChartsTheBlockedCategoriesByNameWithoutAddresses() throws Exception {
        String html = mvc.perform(get("/reports/governors").param("year", "2010")).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("Blocked requests by category", "id=\"chart-blocked-categories\"", "Gambling");
        assertThat(html).doesNotContain("oversight.example");
    }

    @Test
    @WithMockUser(username = "governor", authorities = "REPORTS_ANONYMISED")
    void thePdfCarriesThemToo() throws Exception {
        byte[] pdf = mvc.perform(get("/reports/governors.pdf").param("year", "2009")).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(pdf).startsWith("%PDF".getBytes());
    }
}
