package org.lantern.server.activity;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.activity.store.DuckDbActivityStore;

import static org.assertj.core.api.Assertions.assertThat;

/** The background job compacts the days before today (UTC), each once, and never today's. */
class ActivityCompactionJobTest {

    @TempDir
    Path dir;

    @Test
    void compactsClosedDaysOnceAndLeavesTodayAlone() throws Exception {
        LocalDate today = LocalDate.parse("2026-03-04");
        try (DuckDbActivityStore store = DuckDbActivityStore.open(dir.resolve("activity.duckdb"))) {
            for (LocalDate day = today.minusDays(2); !day.isAfter(today); day = day.plusDays(1)) {
                Instant nine = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
                ActivityRows.append(store, List.of(
                        ActivityRows.row(nine, 2L, "pupil2", "10.0.0.2", "https://a.example/", "ALLOW", "news", null),
                        ActivityRows.row(nine.plusSeconds(1), 1L, "pupil1", "10.0.0.1", "https://b.example/", "BLOCK",
                                "games", null)));
            }
            ActivityCompactionJob job = new ActivityCompactionJob(store,
                    Clock.fixed(today.atTime(0, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC), Duration.ofHours(1));

            assertThat(job.compact()).containsExactly(today.minusDays(2), today.minusDays(1));
            assertThat(job.compact()).isEmpty();
            assertThat(store.count(ActivityQuery.all())).isEqualTo(6);
        }
    }
}
