package org.lantern.server.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Blob;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.lantern.server.unblocking.Unblocks;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every table of the schema under test holds, for tests that prove a refused request changed
 * nothing. Each look first does the server's own timed work that is due: other test classes in a
 * shared context leave unblocks that ended years ago, and the expiry job, running on its schedule
 * between two looks, would seem to be a change the request made.
 */
public final class DatabaseState {

    private final JdbcClient jdbc;
    private final Unblocks unblocks;

    public DatabaseState(JdbcClient jdbc, Unblocks unblocks) {
        this.jdbc = jdbc;
        this.unblocks = unblocks;
    }

    /** Rows in every table, by table. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : settledTables()) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    /**
     * Every row of every table but {@code skippedTables}, each row as text without
     * {@code skippedColumns}, so that an update shows as well as an insert or a delete.
     */
    public Map<String, List<String>> rows(Set<String> skippedTables, Set<String> skippedColumns) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : settledTables()) {
            if (skippedTables.contains(table)) {
                continue;
            }
            rows.put(table, jdbc.sql("SELECT * FROM " + table).query((rs, n) -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String column = rs.getMetaData().getColumnName(i).toLowerCase();
                    if (!skippedColumns.contains(column)) {
                        row.append(column).append('=').append(text(rs.getObject(i), rs.getString(i))).append(' ');
                    }
                }
                return row.toString();
            }).list().stream().sorted().toList());
        }
        return rows;
    }

    /**
     * The rows that differ between two {@link #rows} looks, as {@code table: - row} and
     * {@code table: + row}: a failure names what changed rather than printing every table.
     */
    public static List<String> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> changes = new ArrayList<>();
        Set<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        for (String table : tables) {
            List<String> was = before.getOrDefault(table, List.of());
            List<String> now = after.getOrDefault(table, List.of());
            was.stream().filter(row -> !now.contains(row)).forEach(row -> changes.add(table + ": - " + row));
            now.stream().filter(row -> !was.contains(row)).forEach(row -> changes.add(table + ": + " + row));
        }
        return changes;
    }

    /**
     * A value as text: binary content (an evidence file) by its SHA-256, since drivers print bytes
     * as an object's identity, which differs at every look.
     */
    private static String text(Object value, String asString) throws SQLException {
        byte[] bytes = value instanceof byte[] b ? b : value instanceof Blob blob ? blob.getBytes(1, (int) blob.length()) : null;
        if (bytes == null) {
            return asString;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> settledTables() {
        unblocks.expire(Instant.now());
        Set<String> tables = new TreeSet<>(jdbc.sql("SELECT table_name FROM information_schema.tables "
                        + "WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND table_type IN ('BASE TABLE', 'TABLE')")
                .query(String.class).list());
        assertThat(tables).contains("audit_chain", "incident", "record_access");
        return tables;
    }
}
