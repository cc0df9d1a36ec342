package org.lantern.activity.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a closed day's rows in ten-minute stretches, each in (person, time) order, so that one
 * pupil's hours lie in a few runs of rows instead of one or two rows in each of a hundred of
 * DuckDB's 2,048-row vectors.
 *
 * <p>Why: a search reads whole only the vectors holding a match, but each such vector costs the
 * decompression of every column. Appended in time order, a pupil's two hours (200 of 250,000 rows)
 * touched about 100 vectors, 170–180 ms at p95 on the benchmark's store (docs/benchmarks.md). In
 * (person, time) order within ten-minute stretches they touch about a dozen, while a whole
 * school's newest hundred rows still lie in one stretch of about ten vectors, and a row group
 * (about an hour at a million requests a day) still spans about an hour, so a time range skips row
 * groups by their min/max time as before. A whole day in (person, time) order would have made
 * every row group span the day and every school-wide two hours read all of them.
 *
 * <p>Crash safety is DuckDB's transaction: the day's rows are copied aside, deleted and inserted
 * again in the new order, and the day recorded as compacted, in one transaction that commits
 * (forced to the write-ahead log) or leaves the day as it was; no reader sees half of it, and the
 * numbers of rows taken out and put back are checked equal before the commit. Rows keep their ids,
 * so a cursor handed out before the compaction pages on through the same rows.
 *
 * <p>A day is compacted again when its row count changes: rows that came late (a shipper that was
 * offline, an old log imported) or a retention run that kept only the held people's rows.
 */
final class DayCompaction {

    /** The stretch of a day whose rows are sorted by person; see the class comment for the trade. */
    static final int STRETCH_MINUTES = 10;

    private static final String ORDER = "EXTRACT(HOUR FROM time), FLOOR(EXTRACT(MINUTE FROM time) / "
            + STRETCH_MINUTES + "), person_id NULLS LAST, time, id";

    private DayCompaction() {
    }

    /**
     * @param c a connection in a transaction
     * @param before the first day not to look at (today: a day still being written is not closed)
     * @return the days before {@code before} whose rows have changed since they were last compacted
     *     (or never were), oldest first
     */
    static List<LocalDate> due(Connection c, LocalDate before) throws SQLException {
        Map<LocalDate, Long> compacted = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT day, row_count FROM activity_compacted")) {
            while (rs.next()) {
                compacted.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
            }
        }
        List<LocalDate> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CAST(time AS DATE) AS day, count(*) FROM activity"
                + " WHERE time < ? GROUP BY CAST(time AS DATE) ORDER BY day")) {
            ps.setObject(1, before.atStartOfDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    if (compacted.getOrDefault(day, -1L) != rs.getLong(2)) {
                        due.add(day);
                    }
                }
            }
        }
        return due;
    }

    /**
     * Rewrites one day in the connection's open transaction; the caller commits, or rolls back on
     * an exception.
     *
     * @return the rows rewritten
     * @throws SQLException if DuckDB fails, or the rows put back are not the rows taken out
     */
    static long compact(Connection c, LocalDate day) throws SQLException {
        LocalDateTime start = day.atStartOfDay();
        LocalDateTime end = day.plusDays(1).atStartOfDay();
        String range = " WHERE time >= TIMESTAMP '" + start + "' AND time < TIMESTAMP '" + end + "'";
        long inserted;
        long deleted;
        try (Statement s = c.createStatement()) {
            // A temporary table lives in memory (spilling to disk if it must) and goes with the transaction's end.
            s.execute("CREATE OR REPLACE TEMPORARY TABLE compacting AS SELECT * FROM activity" + range);
            deleted = s.executeUpdate("DELETE FROM activity" + range);
            // DuckDB keeps an INSERT ... SELECT ... ORDER BY in that order (preserve_insertion_order).
            inserted = s.executeUpdate("INSERT INTO activity SELECT * FROM compacting ORDER BY " + ORDER);
            s.execute("DROP TABLE compacting");
        }
        if (inserted != deleted) {
            throw new SQLException("compacting " + day + " took out " + deleted + " rows but put back " + inserted);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO activity_compacted VALUES (?, ?, now())"
                + " ON CONFLICT (day) DO UPDATE SET row_count = excluded.row_count, compacted_at = excluded.compacted_at")) {
            ps.setObject(1, day);
            ps.setLong(2, inserted);
            ps.executeUpdate();
        }
        return inserted;
    }

    /** Forgets days retention has deleted, so a day's record never outlives its rows' deletion. */
    static void forgetBefore(Connection c, LocalDate firstKeptDay) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM activity_compacted WHERE day < ?")) {
            ps.setObject(1, firstKeptDay);
            ps.executeUpdate();
        }
    }
}
