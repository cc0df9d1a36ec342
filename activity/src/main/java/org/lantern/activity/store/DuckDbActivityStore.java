package org.lantern.activity.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;

/**
 * The activity log in one embedded DuckDB file: columnar, compressed (about 16 bytes a request
 * plus each distinct URL once, see docs/benchmarks.md), fast to scan by time, and with nothing to
 * run beside Lantern.
 *
 * <p>Writes (appends and retention) are serialised by one lock on one connection, which is what
 * DuckDB allows anyway (one writer at a time), and makes "is this batch stored?" and "store it"
 * one step, so two threads sending the same batch store it once. Each read gets its own
 * connection to the same database and sees the last committed state, never half a batch.
 *
 * <p>Times are kept to the microsecond (DuckDB's TIMESTAMP); finer digits are dropped.
 */
public final class DuckDbActivityStore implements ActivityStore {

    /** URLs kept in memory to number a batch's URLs without a query; about 300 bytes each. */
    private static final int URL_CACHE = 250_000;
    private static final int MAX_BATCH_ID = 200;
    private static final int MAX_SOURCE = 160;

    private final StoreFile file;
    private final DuckDBConnection root;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Guarded by {@link #writeLock}, as are the fields below. */
    private final DuckDBConnection writer;
    private final UrlDictionary urls;
    private long nextRowId;
    private volatile boolean closed;

    private DuckDbActivityStore(StoreFile file, DuckDBConnection root) throws SQLException {
        this.file = file;
        this.root = root;
        this.writer = root.duplicate();
        this.urls = new UrlDictionary(URL_CACHE);
        urls.load(writer);
        try (Statement s = writer.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM activity")) {
            rs.next();
            nextRowId = rs.getLong(1) + 1;
        }
        writer.setAutoCommit(false);
    }

    /**
     * Opens the store in {@code file}, creating it (and any missing directories, owner-only) if
     * there is none.
     *
     * @param file the database file, e.g. {@code <data dir>/activity.duckdb}
     * @return the store
     * @throws StoreInUseException if another store, in this process or another, has the file open
     * @throws IOException if the file or its directory cannot be made or narrowed to its owner
     * @throws NewerStoreException if a newer Lantern wrote the file, which is then left unchanged
     * @throws IllegalStateException if the file is not a DuckDB database; it is then left unchanged
     */
    public static DuckDbActivityStore open(Path file) throws IOException {
        StoreFile store = new StoreFile(file);
        DuckDBConnection root;
        try {
            root = store.open();
        } catch (SQLException e) {
            throw new IOException("cannot open the activity store " + store.file() + ": " + e.getMessage(), e);
        }
        try {
            return new DuckDbActivityStore(store, root);
        } catch (SQLException e) {
            closeQuietly(root);
            store.close();
            throw new IOException("cannot read the activity store " + store.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean append(String batchId, List<ActivityRow> rows) {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(rows, "rows");
        if (batchId.isBlank() || batchId.length() > MAX_BATCH_ID) {
            throw new IllegalArgumentException("a batch id must be 1 to " + MAX_BATCH_ID + " characters");
        }
        return write(batchId, rows, () -> {
            if (contains(writer, batchId)) {
                return Decision.SKIP;
            }
            recordBatch(batchId);
            return Decision.STORE;
        });
    }

    @Override
    public boolean append(String source, long start, SourcePosition end, List<ActivityRow> rows) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(rows, "rows");
        if (source.isBlank() || source.length() > MAX_SOURCE) {
            throw new IllegalArgumentException("a source must be 1 to " + MAX_SOURCE + " characters");
        }
        if (start < 0 || start > end.offset()) {
            throw new IllegalArgumentException("a stretch must start at 0 or later and end after it starts");
        }
        // Named as the reader's batches are, so contains() answers for them too.
        String batchId = source + ":" + start + "-" + end.offset();
        return write(batchId, rows, () -> {
            Optional<SourcePosition> stored = resumeFrom(writer, source);
            long storedEnd = stored.map(SourcePosition::offset).orElse(0L);
            if (end.offset() <= storedEnd && stored.isPresent()) {
                return Decision.SKIP;
            }
            if (start != storedEnd) {
                throw new Refused("bytes " + start + "-" + end.offset() + " of " + source
                        + " were not stored: " + (start < storedEnd ? "they overlap" : "they do not follow")
                        + " what is stored, which ends at " + storedEnd + "; read it again from there");
            }
            try (PreparedStatement ps = writer.prepareStatement(stored.isPresent()
                    ? "UPDATE activity_sources SET end_offset = ?, end_line = ?, stored_at = ? WHERE source = ?"
                    : "INSERT INTO activity_sources (end_offset, end_line, stored_at, source) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, end.offset());
                ps.setLong(2, end.line());
                ps.setObject(3, QueryFilter.timestamp(Instant.now()));
                ps.setString(4, source);
                ps.executeUpdate();
            }
            // A store written before positions were kept may hold this very batch by its name.
            if (contains(writer, batchId)) {
                return Decision.KEEP_POSITION_ONLY;
            }
            recordBatch(batchId);
            return Decision.STORE;
        });
    }

    /** A stretch of a source that does not follow what is stored: nothing went wrong in the store. */
    private static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Decides, in the write's transaction, whether the batch is new, recording it if so; may throw
     * {@link Refused}. What it wrote is committed, with the rows if it says so, or rolled back.
     */
    private interface Check {
        Decision decide() throws SQLException;
    }

    private enum Decision {
        /** New: store the rows and what the check wrote. */
        STORE,
        /** Stored before: roll back. */
        SKIP,
        /** The rows were stored before, but not the source's position: commit that alone. */
        KEEP_POSITION_ONLY
    }

    private void recordBatch(String batchId) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO activity_batches VALUES (?, ?)")) {
            ps.setString(1, batchId);
            ps.setObject(2, QueryFilter.timestamp(Instant.now()));
            ps.executeUpdate();
        }
    }

    private boolean write(String batchId, List<ActivityRow> rows, Check check) {
        writeLock.lock();
        try {
            checkOpen();
            long firstRowId = nextRowId;
            Decision decision;
            try {
                decision = check.decide();
                if (decision == Decision.SKIP) {
                    writer.rollback(); // ends the read's transaction
                    return false;
                }
                if (decision == Decision.STORE) {
                    appendRows(rows);
                }
                writer.commit();
                urls.committed();
            } catch (Refused e) {
                rollback();
                throw e;
            } catch (SQLException | RuntimeException e) {
                rollback();
                nextRowId = firstRowId;
                throw new ActivityStoreException("batch " + batchId + " was not stored in " + file.file()
                        + " (nothing of it was kept; send it again): " + e.getMessage(), e);
            }
            file.restrict();
            return decision == Decision.STORE;
        } catch (IOException e) {
            throw new ActivityStoreException("batch " + batchId + " was stored in " + file.file()
                    + " but its log file could not be made owner-only: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /*
     * The Appender rather than a prepared batch INSERT: DuckDB's JDBC driver runs executeBatch as
     * one statement per row. Measured here (2 cores, load average 12, 20,000 rows of an 8-column
     * table in one transaction, second run of each): Appender 0.24 s (85,000 rows/s),
     * executeBatch 8.1 s (2,500 rows/s), about 35 times slower. The Appender writes into the
     * connection's open transaction, so a rollback takes its rows back too
     * (DuckDbActivityStoreTest#aBadRowAfterThousandsOfAppendedOnesLeavesNothingAndTheBatchCanBeSentAgain).
     */
    private void appendRows(List<ActivityRow> rows) throws SQLException {
        List<UrlDictionary.Key> keys = new ArrayList<>(rows.size());
        for (ActivityRow row : rows) {
            Objects.requireNonNull(row, "a row of the batch is null");
            keys.add(new UrlDictionary.Key(row.url(), row.host(), row.domain()));
        }
        Map<UrlDictionary.Key, Long> ids = urls.resolve(writer, keys);
        try (DuckDBAppender a = writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "activity")) {
            for (int i = 0; i < rows.size(); i++) {
                ActivityRow row = rows.get(i);
                a.beginRow();
                a.append(nextRowId++);
                a.appendEpochMicros(micros(row.time()));
                appendNullable(a, row.personId());
                appendNullable(a, row.user());
                appendNullable(a, row.groupId());
                appendNullable(a, row.yearGroup());
                appendNullable(a, row.clientIp());
                appendNullable(a, row.device());
                a.append(Objects.requireNonNull(row.method(), "method"));
                a.append(ids.get(keys.get(i)).longValue());
                appendNullable(a, row.category());
                appendNullable(a, row.activity());
                a.append(row.action());
                appendNullable(a, row.rule());
                appendNullable(a, row.policyVersion());
                appendNullable(a, row.searchTerm());
                a.append(row.bypass());
                if (row.status() == null) {
                    a.appendNull();
                } else {
                    a.append(row.status().intValue());
                }
                appendNullable(a, row.bytes());
                a.append(row.source());
                a.endRow();
            }
        }
    }

    private static void appendNullable(DuckDBAppender a, String value) throws SQLException {
        if (value == null) {
            a.appendNull();
        } else {
            a.append(value);
        }
    }

    private static void appendNullable(DuckDBAppender a, Long value) throws SQLException {
        if (value == null) {
            a.appendNull();
        } else {
            a.append(value.longValue());
        }
    }

    private static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    private void rollback() {
        urls.rolledBack();
        try {
            writer.rollback();
        } catch (SQLException e) {
            // DuckDB already aborted the transaction (a failed commit does); nothing was kept
        }
    }

    @Override
    public Optional<SourcePosition> resumeFrom(String source) {
        Objects.requireNonNull(source, "source");
        return read(c -> resumeFrom(c, source));
    }

    private static Optional<SourcePosition> resumeFrom(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT end_offset, end_line FROM activity_sources WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new SourcePosition(rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    @Override
    public boolean contains(String batchId) {
        return read(c -> contains(c, batchId));
    }

    private static boolean contains(Connection c, String batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM activity_batches WHERE batch_id = ?")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public ActivityPage search(ActivityQuery query, String after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        QueryFilter filter = QueryFilter.of(query);
        Long to = query.to() == null ? null : micros(query.to());
        if (after != null) {
            Cursor cursor = Cursor.decode(after);
            LocalDateTime time = timestamp(cursor.timeMicros());
            // The first condition alone lets DuckDB skip whole row groups by their min/max time.
            filter.and("a.time <= ? AND (a.time < ? OR a.id < ?)", time, time, cursor.id());
            to = to == null ? cursor.timeMicros() + 1 : Math.min(to, cursor.timeMicros() + 1);
        }
        long from = query.from() == null ? 0 : micros(query.from());
        long end = to == null ? 0 : to;
        long firstStart = query.from() == null || to == null ? Long.MIN_VALUE
                : TimeSlices.first(from, end, query.personId() != null);
        return read(c -> {
            // The page is chosen by time and id alone, newest slice first; then only its rows are read whole.
            List<Key> keys = new ArrayList<>();
            long start = firstStart;
            long sliceEnd = Long.MAX_VALUE;
            for (int slices = 1; ; slices++) {
                QueryFilter slice = filter.copy();
                if (start != Long.MIN_VALUE) {
                    slice.and("a.time >= ?", timestamp(start));
                }
                if (sliceEnd != Long.MAX_VALUE) {
                    slice.and("a.time < ?", timestamp(sliceEnd));
                }
                // One row beyond the page says whether there is a next page.
                keys.addAll(newest(c, slice, limit + 1 - keys.size()));
                if (keys.size() > limit || start == Long.MIN_VALUE) {
                    break;
                }
                sliceEnd = start;
                start = TimeSlices.next(from, end, start, slices, keys.size(), limit + 1 - keys.size());
            }
            boolean more = keys.size() > limit;
            if (more) {
                keys.removeLast();
            }
            List<RawRow> page = rows(c, filter, keys);
            Map<Long, UrlDictionary.Key> urlsById = urls(c, page.stream().map(RawRow::urlId).distinct().toList());
            List<ActivityRow> rows = page.stream().map(r -> r.with(urlsById.get(r.urlId()))).toList();
            Key last = keys.isEmpty() ? null : keys.getLast();
            return new ActivityPage(rows, more ? new Cursor(last.timeMicros(), last.id()).encode() : null);
        });
    }

    /** A row's place in newest-first order. */
    private record Key(long timeMicros, long id) {}

    /**
     * @return the newest {@code n} rows that match, newest first, by time and id only: sorting the
     *     matches with all their columns made DuckDB read every column of every match (40 ms for
     *     4,000 rows on a loaded machine, against 3 ms for these two)
     */
    private static List<Key> newest(Connection c, QueryFilter filter, int n) throws SQLException {
        List<Key> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.time, a.id FROM activity a WHERE " + filter.sql()
                + " ORDER BY a.time DESC, a.id DESC LIMIT ?")) {
            ps.setInt(filter.bind(ps, 1), n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new Key(micros(rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)),
                            rs.getLong(2)));
                }
            }
        }
        return keys;
    }

    /**
     * @return the rows of a page, newest first: those the filter matches from its last key to its
     *     first, which are exactly its rows. Asked for by that range rather than by their ids, which
     *     DuckDB matched far more slowly (an IN list of 100 ids: 34 ms, against 9 ms for the range)
     */
    private static List<RawRow> rows(Connection c, QueryFilter filter, List<Key> keys) throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        Key first = keys.getFirst();
        Key last = keys.getLast();
        LocalDateTime lastTime = timestamp(last.timeMicros());
        QueryFilter page = filter.copy().and("a.time >= ? AND a.time <= ? AND (a.time > ? OR a.id >= ?)", lastTime,
                timestamp(first.timeMicros()), lastTime, last.id());
        List<RawRow> rows = new ArrayList<>(keys.size());
        // No ORDER BY: sorting the rows with all their columns is what made the one-query page slow.
        try (PreparedStatement ps = c.prepareStatement("SELECT a.* FROM activity a WHERE " + page.sql())) {
            page.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(RawRow.of(rs));
                }
            }
        }
        rows.sort(Comparator.comparing(RawRow::time).thenComparingLong(RawRow::id).reversed());
        return rows;
    }

    private static LocalDateTime timestamp(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1_000, ZoneOffset.UTC);
    }

    /** @return the URLs of these numbers: from the dictionary's cache, the rest from the table */
    private Map<Long, UrlDictionary.Key> urls(Connection c, List<Long> allIds) throws SQLException {
        Map<Long, UrlDictionary.Key> found = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (long id : allIds) {
            UrlDictionary.Key key = urls.known(id);
            if (key == null) {
                ids.add(id);
            } else {
                found.put(id, key);
            }
        }
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT url_id, url, host, domain FROM activity_urls"
                + " WHERE url_id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new UrlDictionary.Key(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return found;
    }

    /** A row as the request table holds it: everything but its URL, which it has by number. */
    private record RawRow(long id, Instant time, Long personId, String user, String groupId, String yearGroup,
                          String clientIp, String device, String method, long urlId, String category, String activity,
                          String action, String rule, Long policyVersion, String searchTerm, boolean bypass,
                          Integer status, Long bytes, String source) {

        static RawRow of(ResultSet rs) throws SQLException {
            return new RawRow(rs.getLong("id"), rs.getObject("time", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                    rs.getObject("person_id", Long.class), rs.getString("user_name"), rs.getString("group_id"),
                    rs.getString("year_group"), rs.getString("client_ip"), rs.getString("device"),
                    rs.getString("method"), rs.getLong("url_id"), rs.getString("category"), rs.getString("activity"),
                    rs.getString("action"), rs.getString("rule"), rs.getObject("policy_version", Long.class),
                    rs.getString("search_term"), rs.getBoolean("bypass"), rs.getObject("status", Integer.class),
                    rs.getObject("bytes", Long.class), rs.getString("source"));
        }

        ActivityRow with(UrlDictionary.Key url) {
            return new ActivityRow(time, personId, user, groupId, yearGroup, clientIp, device, method, url.host(),
                    url.domain(), url.url(), category, activity, action, rule, policyVersion, searchTerm, bypass,
                    status, bytes, source);
        }
    }

    @Override
    public long count(ActivityQuery query) {
        QueryFilter filter = QueryFilter.of(query);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM activity a WHERE " + filter.sql())) {
                filter.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Count> perHour(ActivityQuery query) {
        QueryFilter filter = QueryFilter.of(query);
        // CAST to DATE and EXTRACT(HOUR) are standard SQL, unlike date_trunc.
        String sql = "SELECT CAST(a.time AS DATE) AS day, EXTRACT(HOUR FROM a.time) AS hour, count(*) AS n"
                + " FROM activity a WHERE " + filter.sql()
                + " GROUP BY CAST(a.time AS DATE), EXTRACT(HOUR FROM a.time) ORDER BY day, hour";
        return counts(sql, filter, -1, rs -> rs.getObject("day", LocalDate.class)
                .atTime(rs.getInt("hour"), 0).toInstant(ZoneOffset.UTC).toString());
    }

    @Override
    public List<Count> topDomains(ActivityQuery query, int n) {
        QueryFilter filter = QueryFilter.of(query);
        // Counted per URL number on the request table, then summed per domain over far fewer rows.
        String sql = "SELECT coalesce(u.domain, u.host) AS k, sum(c.n) AS n FROM (SELECT a.url_id, count(*) AS n"
                + " FROM activity a WHERE " + filter.sql() + " GROUP BY a.url_id) c"
                + " JOIN activity_urls u ON u.url_id = c.url_id GROUP BY coalesce(u.domain, u.host)"
                + " ORDER BY n DESC, k LIMIT ?";
        return counts(sql, filter, n, rs -> rs.getString("k"));
    }

    @Override
    public List<Count> topBlockedCategories(ActivityQuery query, int n) {
        QueryFilter filter = QueryFilter.of(query).action("BLOCK").and("a.category IS NOT NULL");
        String sql = "SELECT a.category AS k, count(*) AS n FROM activity a WHERE " + filter.sql()
                + " GROUP BY a.category ORDER BY n DESC, k LIMIT ?";
        return counts(sql, filter, n, rs -> rs.getString("k"));
    }

    private interface KeyReader {
        String key(ResultSet rs) throws SQLException;
    }

    private List<Count> counts(String sql, QueryFilter filter, int limit, KeyReader key) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = filter.bind(ps, 1);
                if (limit >= 0) {
                    ps.setInt(next, limit);
                }
                List<Count> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Count(key.key(rs), rs.getLong("n")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long deleteBefore(LocalDate firstKeptDay, Set<Long> heldPersonIds) {
        Objects.requireNonNull(firstKeptDay, "firstKeptDay");
        List<Long> held = List.copyOf(heldPersonIds);
        String keepHeld = held.isEmpty() ? ""
                : " AND (person_id IS NULL OR person_id NOT IN ("
                        + String.join(", ", Collections.nCopies(held.size(), "?")) + "))";
        writeLock.lock();
        try {
            checkOpen();
            long deleted;
            try {
                try (PreparedStatement ps = writer.prepareStatement("DELETE FROM activity WHERE time < ?" + keepHeld)) {
                    ps.setObject(1, firstKeptDay.atStartOfDay());
                    for (int i = 0; i < held.size(); i++) {
                        ps.setLong(i + 2, held.get(i));
                    }
                    deleted = ps.executeUpdate();
                }
                try (Statement s = writer.createStatement()) {
                    s.executeUpdate("DELETE FROM activity_urls WHERE url_id NOT IN (SELECT url_id FROM activity)");
                }
                DayCompaction.forgetBefore(writer, firstKeptDay);
                writer.commit();
            } catch (SQLException e) {
                rollback();
                throw new ActivityStoreException("nothing was deleted from " + file.file() + ": " + e.getMessage(), e);
            }
            try {
                urls.load(writer);
                writer.commit();
                try (Statement s = writer.createStatement()) {
                    // Hands the deleted rows' blocks back for reuse now rather than at the next automatic checkpoint.
                    s.execute("CHECKPOINT");
                }
                file.restrict();
            } catch (SQLException | IOException e) {
                throw new ActivityStoreException(deleted + " rows were deleted from " + file.file()
                        + " but tidying up afterwards failed: " + e.getMessage(), e);
            }
            return deleted;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<LocalDate> compactClosedDays(LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<LocalDate> due = read(c -> DayCompaction.due(c, today));
        for (LocalDate day : due) {
            // One day at a time under the lock, so appends wait for one day's rewrite at most.
            writeLock.lock();
            try {
                checkOpen();
                try {
                    DayCompaction.compact(writer, day);
                    writer.commit();
                } catch (SQLException e) {
                    rollback();
                    throw new ActivityStoreException("compacting " + day + " in " + file.file()
                            + " failed and the day was left as it was: " + e.getMessage(), e);
                }
                file.restrict();
            } catch (IOException e) {
                throw new ActivityStoreException(day + " was compacted in " + file.file()
                        + " but its log file could not be made owner-only: " + e.getMessage(), e);
            } finally {
                writeLock.unlock();
            }
        }
        return due;
    }

    @Override
    public long size() {
        return count(ActivityQuery.all());
    }

    private interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs a read on a connection of its own, so readers neither wait for nor see a batch being written. */
    private <T> T read(Read<T> read) {
        checkOpen();
        try (Connection c = root.duplicate()) {
            // One transaction, so a read of several statements sees one state (a page and its URLs).
            c.setAutoCommit(false);
            try {
                return read.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new ActivityStoreException("cannot read the activity store " + file.file() + ": " + e.getMessage(),
                    e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the activity store " + file.file() + " is closed");
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(writer);
            closeQuietly(root);
            file.close();
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing: nothing the caller could do
        }
    }
}
