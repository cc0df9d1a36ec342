package org.lantern.activity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.activity.store.Rows.request;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore.ActivityQuery;

/**
 * Compaction rewrites closed days in ten-minute stretches of (person, time) order and changes
 * nothing a reader can see: the same rows, once each, paged in the same order, with held people's
 * rows kept through retention.
 */
class DayCompactionTest extends StoreInTempDir {

    static final LocalDate DAY = LocalDate.parse("2026-03-02");

    /** @return {@code n} requests spread over a day's 08:00 to 16:00, people taking turns as a school's do */
    static List<ActivityRow> day(LocalDate day, int n, int people) {
        Instant start = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
        long spacingMicros = Duration.ofHours(8).toNanos() / 1_000 / n;
        List<ActivityRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(request(start.plusNanos(spacingMicros * i * 1_000), 1 + (i * 7L) % people, "https://site" + (i % 50)
                    + ".example.org/p/" + i));
        }
        return rows;
    }

    @Test
    void closedDaysAreRewrittenInStretchesOfPersonThenTimeAndReadExactlyAsBefore() throws Exception {
        store.append("d1", day(DAY, 3_000, 9));
        store.append("d2", day(DAY.plusDays(1), 500, 9));
        List<ActivityRow> before = everyRow(100);

        assertThat(store.compactClosedDays(DAY.plusDays(1))).containsExactly(DAY);

        assertThat(everyRow(100)).isEqualTo(before);
        assertThat(everyRow(7)).isEqualTo(before);
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement()) {
            // In the file, the closed day's rows follow (stretch, person, time); the open day's are as appended.
            assertThat(storedOrder(s, DAY)).isSortedAccordingTo(DayCompactionTest::byStretchPersonTime);
            List<Long> times = storedOrder(s, DAY).stream().map(r -> r[2]).toList();
            assertThat(times).isNotEqualTo(times.stream().sorted().toList());
            assertThat(storedOrder(s, DAY.plusDays(1))).isSortedAccordingTo((a, b) -> Long.compare(a[2], b[2]));
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM activity")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3_500).isEqualTo(rs.getLong(2));
            }
        }
        store = DuckDbActivityStore.open(file);
        assertThat(everyRow(100)).isEqualTo(before);
    }

    @Test
    void aCompactedDayIsLeftAloneUntilRowsArriveLateForIt() {
        store.append("d1", day(DAY, 1_000, 5));
        store.append("d2", day(DAY.plusDays(1), 1_000, 5));

        assertThat(store.compactClosedDays(DAY.plusDays(2))).containsExactly(DAY, DAY.plusDays(1));
        assertThat(store.compactClosedDays(DAY.plusDays(2))).isEmpty();

        store.append("late", List.of(request(DAY.atTime(12, 0).toInstant(ZoneOffset.UTC), 3, "https://late.example/")));
        assertThat(store.compactClosedDays(DAY.plusDays(2))).containsExactly(DAY);
        assertThat(store.size()).isEqualTo(2_001);
    }

    @Test
    void aCursorFromBeforeTheRewritePagesOnThroughTheSameRows() {
        store.append("d1", day(DAY, 2_000, 7));
        List<ActivityRow> before = everyRow(100);
        ActivityQuery all = ActivityQuery.all();
        var first = store.search(all, null, 100);

        store.compactClosedDays(DAY.plusDays(1));

        List<ActivityRow> paged = new ArrayList<>(first.rows());
        String next = first.next();
        while (next != null) {
            var page = store.search(all, next, 100);
            paged.addAll(page.rows());
            next = page.next();
        }
        assertThat(paged).isEqualTo(before);
    }

    @Test
    void retentionAfterCompactionKeepsHeldPeopleAndTheirDayIsCompactedAgain() {
        store.append("d1", day(DAY, 1_000, 5));
        store.append("d2", day(DAY.plusDays(1), 1_000, 5));
        store.compactClosedDays(DAY.plusDays(2));
        List<ActivityRow> held = store.search(new ActivityQuery(null, DAY.plusDays(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC), 2L, null, null, null, null, null, null, null, null, null), null, 1_000)
                .rows();

        store.deleteBefore(DAY.plusDays(1), Set.of(2L));

        assertThat(store.size()).isEqualTo(1_000 + held.size());
        // The held rows alone are left of that day: it changed, so it is rewritten, and they are all kept.
        assertThat(store.compactClosedDays(DAY.plusDays(2))).containsExactly(DAY);
        assertThat(store.search(new ActivityQuery(null, DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                null, null, null, null, null, null, null, null, null, null), null, 1_000).rows()).isEqualTo(held);
    }

    @Test
    void theDayStillBeingWrittenIsNotCompacted() {
        store.append("today", day(DAY, 100, 3));

        assertThat(store.compactClosedDays(DAY)).isEmpty();
    }

    @Test
    void aStoreOfTheLayoutBeforeCompactionOpensWithItsRowsAndCompacts() throws Exception {
        store.append("d1", day(DAY, 300, 3));
        List<ActivityRow> before = everyRow(50);
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE activity_compacted");
            s.execute("UPDATE activity_schema SET version = 2");
        }

        store = DuckDbActivityStore.open(file);

        assertThat(store.compactClosedDays(DAY.plusDays(1))).containsExactly(DAY);
        assertThat(everyRow(50)).isEqualTo(before);
    }

    private List<ActivityRow> everyRow(int pageSize) {
        List<ActivityRow> rows = new ArrayList<>();
        String next = null;
        do {
            var page = store.search(ActivityQuery.all(), next, pageSize);
            rows.addAll(page.rows());
            next = page.next();
        } while (next != null);
        return rows;
    }

    /** @return each row of the day as {stretch, person, time in µs}, in the order the file holds them */
    static List<long[]> storedOrder(Statement s, LocalDate day) throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement ps = s.getConnection().prepareStatement("SELECT epoch_us(time), person_id FROM activity"
                + " WHERE CAST(time AS DATE) = ? ORDER BY rowid")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long micros = rs.getLong(1);
                    rows.add(new long[] {micros / (Duration.ofMinutes(DayCompaction.STRETCH_MINUTES).toNanos() / 1_000),
                        rs.getLong(2), micros});
                }
            }
        }
        return rows;
    }

    private static int byStretchPersonTime(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
