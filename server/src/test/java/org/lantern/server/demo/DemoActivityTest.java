package org.lantern.server.demo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.activity.ActivityStore.Count;
import org.lantern.server.demo.DemoFixtures.AlertedRequest;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo school starts with a term of web activity in the activity log: its pupils' and staff's
 * requests on every school day, judged by the demo's filter, with searches leading up to the
 * story's alert, and nothing added twice by a second start.
 */
@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "lantern.mode=demo")
class DemoActivityTest {

    @Autowired
    DemoRecords records;
    @Autowired
    ActivityStore store;
    @Autowired
    JdbcClient jdbc;

    private static ActivityQuery between(Instant from, Instant to, String user, String searchText) {
        return new ActivityQuery(from, to, null, user, null, null, null, null, null, null, null, searchText);
    }

    /** A Year 9 pupil's proxy user name. */
    private String pupil() {
        return jdbc.sql("SELECT MIN(n.identity_value) FROM person p JOIN network_identity n ON n.person_id = p.id "
                + "WHERE p.kind = 'PUPIL' AND p.year_group = '9' AND n.identity_type = 'PROXY_USERNAME' "
                + "AND p.leaving_date IS NULL").query(String.class).single();
    }

    @Test
    void aPupilBrowsedOnMostDaysOfTheTermInSchoolHoursFromTheirDevice() {
        String pupil = pupil();
        Instant now = Instant.now();
        ActivityQuery term = new ActivityQuery(now.minus(90, ChronoUnit.DAYS), now, null, pupil, null, null, null,
                null, null, null, null, null);

        List<Count> hours = store.perHour(term);
        assertThat(hours.stream().map(h -> h.key().substring(0, 10)).distinct().count()).isGreaterThanOrEqualTo(40);
        ActivityRow row = store.search(term, null, 1).rows().getFirst();
        assertThat(row.yearGroup()).isEqualTo("Year 9");
        assertThat(row.groupId()).isEqualTo("ks3");
        assertThat(row.clientIp()).startsWith("10.20.");
        assertThat(row.device()).startsWith("laptop-");
        assertThat(row.user()).isNotBlank();
    }

    @Test
    void theFilterBlockedSomeCategoriesAndSearchesWereLogged() {
        Instant now = Instant.now();
        ActivityQuery term = between(now.minus(90, ChronoUnit.DAYS), now, null, null);

        assertThat(store.topBlockedCategories(term, 20)).extracting(Count::key).contains("gambling");
        assertThat(store.search(between(now.minus(90, ChronoUnit.DAYS), now, null, "photosynthesis"), null, 1).rows())
                .isNotEmpty();
    }

    @Test
    void aroundTheAlertTheLogShowsTheSearchesThatLedUpToIt() {
        OffsetDateTime alert = jdbc.sql("SELECT first_seen_at FROM filter_alert WHERE url = :url")
                .param("url", DemoLists.ILLEGAL_CONTENT_URL).query(OffsetDateTime.class).single();
        String pupil = jdbc.sql("SELECT n.identity_value FROM filter_alert a JOIN network_identity n ON n.person_id = a.person_id "
                        + "WHERE a.url = :url AND n.identity_type = 'PROXY_USERNAME'")
                .param("url", DemoLists.ILLEGAL_CONTENT_URL).query(String.class).single();
        ActivityQuery around = between(alert.toInstant().minus(1, ChronoUnit.HOURS),
                alert.toInstant().plus(1, ChronoUnit.HOURS), pupil, null);

        List<ActivityRow> rows = store.search(around, null, 500).rows();
        assertThat(rows).anySatisfy(r -> assertThat(r.searchTerm()).isEqualTo("propaganda video download"));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.url()).isEqualTo(DemoLists.ILLEGAL_CONTENT_URL);
            assertThat(r.action()).isEqualTo("BLOCK_AND_ALERT");
        });
    }

    /** Each filter alert's "around this moment" finds the request it was raised for, whoever or whatever made it. */
    @Test
    void everyAlertedRequestIsInTheLogAtItsTimeFromItsDevice() {
        List<AlertedRequest> alerted = DemoFixtures.alerted(jdbc, "kind NOT IN ('PERSISTENT_BYPASS', 'SAFEGUARDING_RISK', 'SAFEGUARDING_ILLEGAL')");
        assertThat(alerted).hasSize(3);

        for (AlertedRequest request : alerted) {
            assertThat(DemoFixtures.logged(store, request)).as(request.url())
                    .anySatisfy(r -> {
                        assertThat(r.url()).isEqualTo(request.url());
                        assertThat(r.action()).isEqualTo("BLOCK_AND_ALERT");
                    });
        }
    }

    /** The monitor scanned the history's searches: each safeguarding alert is a search in the log, at its time. */
    @Test
    void everySafeguardingAlertIsASearchInTheLogAtItsTime() {
        List<AlertedRequest> alerted = DemoFixtures.alerted(jdbc, "kind = 'SAFEGUARDING_RISK'");
        assertThat(alerted).hasSizeGreaterThanOrEqualTo(5);

        for (AlertedRequest request : alerted) {
            assertThat(DemoFixtures.logged(store, request)).as(request.url())
                    .anySatisfy(r -> {
                        assertThat(r.url()).isEqualTo(request.url());
                        assertThat(r.searchTerm()).isNotBlank();
                    });
        }
    }

    @Test
    void aSecondStartAddsNoActivity() {
        long before = store.size();

        records.seedOnce();

        assertThat(store.size()).isEqualTo(before);
    }
}
