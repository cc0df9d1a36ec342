package org.lantern.server.web;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.store.DuckDbActivityStore;
import org.lantern.server.support.TestActivity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's activity figures on a store of their own, so the counts are exact: today is
 * from the school's midnight, the week from Monday, and each figure links to the search listing it.
 */
class ActivityTilesTest {

    /** A Wednesday; London is on UTC in November, so school midnight is UTC midnight. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;
    DuckDbActivityStore store;
    ActivityTiles tiles;

    @BeforeEach
    void setUp() throws Exception {
        store = DuckDbActivityStore.open(dir.resolve("activity.duckdb"));
        tiles = new ActivityTiles(store, id -> id.substring(0, 1).toUpperCase() + id.substring(1));
        TestActivity.append(store,
                row("2026-11-22T15:00:00Z", "BLOCK", "games"),
                row("2026-11-22T15:01:00Z", "BLOCK", "games"),
                row("2026-11-22T15:02:00Z", "BLOCK", "games"),
                row("2026-11-23T09:00:00Z", "BLOCK", "gambling"),
                row("2026-11-23T09:01:00Z", "BLOCK", "gambling"),
                row("2026-11-24T23:59:59Z", "BLOCK", "gambling"),
                row("2026-11-25T00:00:00Z", "ALLOW", "education"),
                row("2026-11-25T10:00:00Z", "BLOCK", "adult"),
                row("2026-11-25T10:05:00Z", "ALLOW", "education"),
                row("2026-11-25T23:59:59Z", "BLOCK", "adult"),
                row("2026-11-26T00:00:00Z", "BLOCK", "adult"));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static ActivityRow row(String at, String action, String category) {
        return TestActivity.row(Instant.parse(at), 7L, category + ".example", action, category);
    }

    @Test
    void todayCountsRequestsAndBlocksSinceTheSchoolsMidnight() {
        ActivityTiles.Today today = tiles.today(WEDNESDAY);

        assertThat(today.requests()).isEqualTo(4);
        assertThat(today.blocks()).isEqualTo(2);
        assertThat(today.link()).isEqualTo("/activity?action=BLOCK&from=2026-11-25&to=2026-11-25");
    }

    @Test
    void theWeekRunsFromMondayAndEachCategoryIsNamedAndLinksToItsBlocks() {
        assertThat(tiles.blockedThisWeek(WEDNESDAY)).containsExactly(
                new ActivityTiles.Blocked("Gambling", 3,
                        "/activity?action=BLOCK&category=gambling&from=2026-11-23&to=2026-11-25"),
                new ActivityTiles.Blocked("Adult", 2,
                        "/activity?action=BLOCK&category=adult&from=2026-11-23&to=2026-11-25"));
    }

    @Test
    void aSummerDayStartsAtTheSchoolsMidnightNotUtcs() {
        TestActivity.append(store, row("2026-06-09T22:30:00Z", "BLOCK", "adult"), row("2026-06-09T23:30:00Z", "BLOCK", "adult"));

        assertThat(tiles.today(LocalDate.of(2026, 6, 10)).blocks()).isEqualTo(1);
    }
}
