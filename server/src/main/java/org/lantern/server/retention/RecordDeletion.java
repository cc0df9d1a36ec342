package org.lantern.server.retention;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.lantern.server.DataDirectoryPermissions;
import org.lantern.server.LanternProperties;
import org.lantern.server.http.SchoolTime;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hard deletion, the only kind Lantern does, and only when a person confirms a retention review.
 * A record goes with every row that refers to it, found through the database's own foreign keys
 * (so a table a feature adds later is covered without a change here). What is deleted is
 * summarised by ids, row counts and SHA-256 digests of the rows' content, for the audit chain: the
 * chain then proves what was destroyed and when without keeping a copy of it.
 */
@Component
class RecordDeletion {

    private static final int CHUNK = 500;
    private static final int MAX_DEPTH = 8;
    static final String DECISION_PREFIX = "decisions-";
    static final String DECISION_SUFFIX = ".jsonl";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Path decisionLogs;

    RecordDeletion(JdbcClient jdbc, JdbcTemplate template, LanternProperties lantern) {
        this.jdbc = jdbc;
        this.template = template;
        this.decisionLogs = lantern.dataDir().resolve(DataDirectoryPermissions.DECISIONS);
    }

    /** One foreign key: {@code childTable.childColumn} refers to {@code parentColumn} of the parent. */
    private record ForeignKey(String childTable, String childColumn, String parentColumn) {
    }

    /** Deletes an incident, its evidence (with content and custody) and everything else about it. */
    Map<String, Object> incident(long id) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("incidentId", id);
        summary.put("rowSha256", rowDigest("incident", id));
        List<Map<String, Object>> evidence = jdbc.sql("SELECT id, sha256 FROM evidence WHERE incident_id = :id ORDER BY id")
                .param("id", id).query((rs, n) -> Map.<String, Object>of("id", rs.getLong("id"), "sha256", rs.getString("sha256")))
                .list();
        summary.put("evidence", evidence);
        List<Object> evidenceIds = evidence.stream().map(e -> e.get("id")).toList();
        List<Object> alertIds = jdbc.sql("SELECT id FROM filter_alert WHERE incident_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> (Object) rs.getLong("id")).list();
        summary.put("alerts", alertIds);
        Map<String, Integer> rows = new TreeMap<>();
        rows.put("record_access", forgetLooks("incident", List.of(id)) + forgetLooks("evidence", evidenceIds)
                + forgetLooks(ALERT_LOOKS, alertIds));
        delete("filter_alert", "id", alertIds, rows, 0);
        delete("incident", "id", List.of(id), rows, 0);
        summary.put("rowsDeleted", rows);
        return summary;
    }

    /** Deletes a person's directory entry, network identities, access register and anything else about them. */
    Map<String, Object> person(long id) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("personId", id);
        summary.put("rowSha256", rowDigest("person", id));
        Map<String, Integer> rows = new TreeMap<>();
        delete("person", "id", List.of(id), rows, 0);
        summary.put("rowsDeleted", rows);
        return summary;
    }

    /** Deletes logon attempts before the cut-off. */
    Map<String, Object> logonAttempts(LocalDate cutOff) {
        return batch("logon_attempt", "attempted_at < :cutOff", cutOff);
    }

    /** Deletes looks at records before the cut-off, except looks at records that still exist. */
    Map<String, Object> recordAccess(LocalDate cutOff) {
        return batch("record_access", RECORD_ACCESS_DUE, cutOff);
    }

    /** Deletes searches of the activity log before the cut-off, with the people each showed. */
    Map<String, Object> activitySearches(LocalDate cutOff) {
        return batchWithChildren("activity_search", ACTIVITY_SEARCH_DUE, cutOff);
    }

    /**
     * Deletes the closed alerts due before the cut-off ({@link #ALERT_DUE}), with their notes,
     * matches, deliveries and the looks at them.
     */
    Map<String, Object> alerts(LocalDate cutOff) {
        List<Object> ids = jdbc.sql("SELECT id FROM filter_alert WHERE " + ALERT_DUE + " ORDER BY id")
                .param("cutOff", start(cutOff)).query((rs, n) -> (Object) rs.getLong("id")).list();
        int looks = forgetLooks(ALERT_LOOKS, ids);
        Map<String, Object> summary = batchWithChildren("filter_alert", ALERT_DUE, cutOff);
        @SuppressWarnings("unchecked")
        Map<String, Integer> rows = (Map<String, Integer>) summary.get("rowsDeleted");
        rows.merge("record_access", looks, Integer::sum);
        return summary;
    }

    /** Deletes unblock requests whose period ended before the cut-off, with their history. */
    Map<String, Object> unblockRequests(LocalDate cutOff) {
        return batchWithChildren("unblock_request", UNBLOCK_DUE, cutOff);
    }

    /** Deletes the filter's decision-log files for days before the cut-off, keeping each file's digest. */
    Map<String, Object> decisionLogs(LocalDate cutOff) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Path file : decisionLogFiles(cutOff)) {
            files.add(Map.of("file", file.getFileName().toString(), "sha256", fileDigest(file)));
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + file, e);
            }
        }
        return Map.of("cutOff", cutOff.toString(), "files", files);
    }

    static final String RECORD_ACCESS_DUE = "accessed_at < :cutOff "
            + "AND NOT (record_type = 'incident' AND record_id IN (SELECT id FROM incident)) "
            + "AND NOT (record_type = 'evidence' AND record_id IN (SELECT id FROM evidence))";
    static final String UNBLOCK_DUE = "valid_until < :cutOff";
    static final String ACTIVITY_SEARCH_DUE = "searched_at < :cutOff";
    /** What {@code record_access} calls an alert. */
    static final String ALERT_LOOKS = "alert";
    /**
     * Closed alerts that led to no record of their own, closed before the cut-off, unless about a
     * person a legal hold covers. An alert escalated to an incident follows the incident, so it is
     * due here only once that incident is gone.
     */
    static final String ALERT_DUE = "status = 'CLOSED' AND closed_at < :cutOff "
            + "AND (outcome IN ('NO_FURTHER_ACTION', 'FALSE_POSITIVE', 'ALREADY_KNOWN') "
            + "OR (outcome = 'ESCALATED' AND (incident_id IS NULL OR incident_id NOT IN (SELECT id FROM incident)))) "
            + "AND (person_id IS NULL OR person_id NOT IN (" + LegalHolds.HELD_PEOPLE + "))";

    /** How many rows of {@code table} match a batch condition. */
    long count(String table, String where, LocalDate cutOff) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + where).param("cutOff", start(cutOff))
                .query(Long.class).single();
    }

    /** The decision-log files of days before the cut-off, oldest first. */
    List<Path> decisionLogFiles(LocalDate cutOff) {
        if (!Files.isDirectory(decisionLogs)) {
            return List.of();
        }
        List<Path> due = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(decisionLogs, DECISION_PREFIX + "*" + DECISION_SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    LocalDate day = LocalDate.parse(name.substring(DECISION_PREFIX.length(),
                            name.length() - DECISION_SUFFIX.length()));
                    if (day.isBefore(cutOff)) {
                        due.add(file);
                    }
                } catch (DateTimeParseException e) {
                    // Not a daily log file (a name the writer never makes): never Lantern's to delete.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + decisionLogs, e);
        }
        due.sort(null);
        return due;
    }

    /**
     * Deletes the rows of {@code table} that match a batch condition and the rows that refer to them,
     * children first, found by their foreign keys.
     */
    private Map<String, Object> batchWithChildren(String table, String where, LocalDate cutOff) {
        List<Object> ids = jdbc.sql("SELECT id FROM " + table + " WHERE " + where + " ORDER BY id")
                .param("cutOff", start(cutOff)).query((rs, n) -> (Object) rs.getLong("id")).list();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cutOff", cutOff.toString());
        summary.put("idRange", ids.isEmpty() ? List.of() : List.of(ids.getFirst(), ids.getLast()));
        summary.put("sha256", tableDigest(table, where, cutOff));
        Map<String, Integer> rows = new TreeMap<>();
        delete(table, "id", ids, rows, 0);
        summary.put("rowsDeleted", rows);
        return summary;
    }

    private Map<String, Object> batch(String table, String where, LocalDate cutOff) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cutOff", cutOff.toString());
        summary.put("sha256", tableDigest(table, where, cutOff));
        List<Long> range = jdbc.sql("SELECT MIN(id), MAX(id) FROM " + table + " WHERE " + where)
                .param("cutOff", start(cutOff)).query((rs, n) -> {
                    long min = rs.getLong(1);
                    return rs.wasNull() ? List.<Long>of() : List.of(min, rs.getLong(2));
                }).single();
        summary.put("idRange", range);
        int deleted = jdbc.sql("DELETE FROM " + table + " WHERE " + where).param("cutOff", start(cutOff)).update();
        summary.put("rowsDeleted", Map.of(table, deleted));
        return summary;
    }

    private int forgetLooks(String recordType, List<Object> ids) {
        int n = 0;
        for (List<Object> chunk : chunks(ids)) {
            n += jdbc.sql("DELETE FROM record_access WHERE record_type = :type AND record_id IN (:ids)")
                    .param("type", recordType).param("ids", chunk).update();
        }
        return n;
    }

    /** Deletes rows of {@code table} whose {@code column} is one of {@code values}, children first. */
    private void delete(String table, String column, List<Object> values, Map<String, Integer> rows, int depth) {
        if (values.isEmpty()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("Foreign keys below " + table + " are nested deeper than " + MAX_DEPTH);
        }
        for (ForeignKey fk : referencing(table)) {
            if (fk.childTable().equals(table)) {
                throw new IllegalStateException(table + " refers to itself; deleting it needs its own rule");
            }
            List<Object> referenced = new ArrayList<>();
            if (fk.parentColumn().equals(column)) {
                referenced.addAll(values);
            } else {
                for (List<Object> chunk : chunks(values)) {
                    referenced.addAll(jdbc.sql("SELECT " + fk.parentColumn() + " FROM " + table + " WHERE " + column
                            + " IN (:values)").param("values", chunk).query((rs, n) -> rs.getObject(1)).list());
                }
            }
            delete(fk.childTable(), fk.childColumn(), referenced, rows, depth + 1);
        }
        for (List<Object> chunk : chunks(values)) {
            int n = jdbc.sql("DELETE FROM " + table + " WHERE " + column + " IN (:values)").param("values", chunk).update();
            rows.merge(table, n, Integer::sum);
        }
    }

    private List<ForeignKey> referencing(String table) {
        return template.execute((ConnectionCallback<List<ForeignKey>>) connection -> {
            List<ForeignKey> keys = new ArrayList<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getExportedKeys(connection.getCatalog(), connection.getSchema(), name(connection, table))) {
                while (rs.next()) {
                    keys.add(new ForeignKey(rs.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT),
                            rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                            rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)));
                }
            }
            return keys;
        });
    }

    private static String name(Connection connection, String table) throws SQLException {
        return connection.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    /** SHA-256 of one row's content: each column as {@code name=value\n}, in column-name order. */
    private String rowDigest(String table, long id) {
        return tableDigest(table, "id = " + id, null);
    }

    /** SHA-256 over the matching rows in id order, each row as {@link #rowDigest} serialises it. */
    private String tableDigest(String table, String where, LocalDate cutOff) {
        MessageDigest digest = sha256();
        var query = jdbc.sql("SELECT * FROM " + table + " WHERE " + where + " ORDER BY id");
        if (cutOff != null) {
            query = query.param("cutOff", start(cutOff));
        }
        query.query((ResultSet rs) -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, String> row = new TreeMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value instanceof byte[] b
                        ? HexFormat.of().formatHex(b) : String.valueOf(value));
            }
            row.forEach((k, v) -> digest.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String fileDigest(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The first instant of a school day, which is when a cut-off date begins. */
    static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(SchoolTime.ZONE).toOffsetDateTime();
    }

    private static List<List<Object>> chunks(List<Object> values) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += CHUNK) {
            chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
