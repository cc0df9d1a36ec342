package org.lantern.server.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.alerts.SafeguardingAlerts;
import org.lantern.server.alerts.SafeguardingRisk;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring counts of the governors' report and the weekly summary, on H2 and PostgreSQL:
 * safeguarding alerts by category, by the pupil's year group and by outcome, only safeguarding
 * alerts of the period, and small numbers suppressed by the reports' rule.
 */
@PersistenceTest
class MonitoringCountsTest {

    @Autowired
    MonitoringCounts counts;
    @Autowired
    SafeguardingAlerts alerts;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now(SchoolTime.ZONE);

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
    }

    @Test
    void alertsAreCountedByCategoryYearGroupAndOutcome() {
        List<Long> selfHarm = raise(6, "8", "self-harm");
        raise(3, "10", "suicide");
        jdbc.sql("UPDATE filter_alert SET status = 'CLOSED', outcome = 'FALSE_POSITIVE' WHERE id IN (:ids)")
                .param("ids", selfHarm.subList(0, 3)).update();
        jdbc.sql("UPDATE filter_alert SET first_seen_at = :long_ago WHERE id = :id")
                .param("long_ago", java.time.OffsetDateTime.now().minusYears(3)).param("id", raise(1, "8", "drugs").getFirst())
                .update();

        MonitoringCounts.Counts year = counts.year(SchoolYear.containing(today), today);

        assertThat(year.total().display()).isEqualTo("9");
        assertThat(shown(year.byCategory())).containsExactlyInAnyOrderEntriesOf(Map.of("Self harm", "6", "Suicide", "3"));
        assertThat(shown(year.byYear())).containsEntry("Year 8", "6").containsEntry("Year 10", "3")
                .containsEntry("Year 9", "0").containsEntry("Staff, visitors and devices not known", "0");
        assertThat(shown(year.byOutcome())).containsEntry("New", "6").containsEntry("In review", "0")
                .containsEntry("Closed: false positive", "3").containsEntry("Closed: escalated", "0");
    }

    @Test
    void theWeekCountsOnlyItsOwnAlertsAndSmallNumbersAreNeverPrinted() {
        raise(6, "8", "self-harm");
        raise(3, "10", "suicide");
        raise(1, "11", "drugs");
        Instant now = Instant.now();

        MonitoringCounts.Counts week = counts.between(now.minus(Duration.ofDays(7)).atOffset(java.time.ZoneOffset.UTC),
                now.plusSeconds(60).atOffset(java.time.ZoneOffset.UTC), today);
        MonitoringCounts.Counts none = counts.between(now.minus(Duration.ofDays(30)).atOffset(java.time.ZoneOffset.UTC),
                now.minus(Duration.ofDays(20)).atOffset(java.time.ZoneOffset.UTC), today);

        assertThat(week.total().display()).isEqualTo("10");
        assertThat(shown(week.byCategory())).containsEntry("Drugs", "<3");
        assertThat(shown(week.byYear())).containsEntry("Year 11", "<3");
        assertThat(week.breakdowns()).allSatisfy(b -> assertThat(b.rows()).allSatisfy(r ->
                assertThat(r.count().display()).as(b.title() + ": " + r.label()).isNotIn("1", "2")));
        assertThat(none.total().display()).isEqualTo("0");
    }

    /** Raises one alert for each of {@code n} new pupils of a year group, as the monitor would. */
    private List<Long> raise(int n, String yearGroup, String category) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> {
            long pupil = TestPeople.pupil(jdbc, "Pupil", TestPeople.unique("Counts"));
            jdbc.sql("UPDATE person SET year_group = :y WHERE id = :id").param("y", yearGroup).param("id", pupil).update();
            return alerts.record(new SafeguardingRisk(Instant.now(), pupil, "Pupil", null, null,
                    "https://www.google.com/search?q=x", SafeguardingRisk.Seen.SEARCH, "ks3", 3, category, false, "x", "x",
                    "x", null, "alone", "lantern-starter", "1", false, 1, Duration.ofHours(24))).id();
        }).toList();
    }

    private static Map<String, String> shown(Breakdown b) {
        return b.rows().stream().collect(Collectors.toMap(Breakdown.Row::label, r -> r.count().display()));
    }
}
