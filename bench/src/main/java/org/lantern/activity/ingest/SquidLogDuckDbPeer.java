package org.lantern.activity.ingest;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The peer for {@link SquidLogReadTimer}: DuckDB's own CSV reader on the same generated
 * access.log, on one thread ({@code SET threads = 1}), timed the same way (this process's CPU
 * time, DuckDB's native threads included). Squid pads the elapsed time with a varying number of
 * spaces, so the file is not a CSV with a fixed column count; the reader is given whole lines
 * ({@code read_csv} with a delimiter that never occurs), and each line is then split into its
 * fields with {@code string_split}, the least DuckDB does to read the fields Lantern reads. Two
 * figures: lines alone (DuckDB's line reading, with a count of bytes so every line is
 * materialised) and lines split into fields (every field's length summed).
 */
public final class SquidLogDuckDbPeer {

    private SquidLogDuckDbPeer() {}

    /**
     * @param args {@code [reads]}, default 3
     * @throws IOException when the log cannot be written
     * @throws SQLException when DuckDB fails
     */
    public static void main(String[] args) throws IOException, SQLException {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int lines = SquidLogGenerator.DEFAULT_LINES;
        Path file = SquidLogGenerator.ensure(SquidLogGenerator.defaultFile(lines), lines);
        String csv = "read_csv('" + file.toString().replace("'", "''") + "', columns = {'line': 'VARCHAR'},"
                + " delim = '\\x01', quote = '', escape = '', header = false, auto_detect = false)";
        String[][] queries = {
            {"DuckDB read_csv, lines", "SELECT count(*), sum(length(line)) FROM " + csv},
            {"DuckDB read_csv, lines split into fields", "SELECT count(*), sum(list_sum(list_transform("
                    + "string_split(line, ' '), f -> length(f)))) FROM " + csv},
        };
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 1");
            for (String[] query : queries) {
                for (int i = 1; i <= reads; i++) {
                    long wall = System.nanoTime();
                    long cpu = os.getProcessCpuTime();
                    long count;
                    try (ResultSet rs = s.executeQuery(query[1])) {
                        rs.next();
                        count = rs.getLong(1);
                    }
                    cpu = os.getProcessCpuTime() - cpu;
                    wall = System.nanoTime() - wall;
                    if (count != lines) {
                        throw new IllegalStateException(query[0] + " counted " + count + " lines, not " + lines);
                    }
                    System.out.printf("%s, read %d: %,d lines, %.2f s wall (%,.0f lines/s), %.2f s CPU (%,.0f lines/s)%n",
                            query[0], i, lines, wall / 1e9, lines / (wall / 1e9), cpu / 1e9, lines / (cpu / 1e9));
                }
            }
        }
    }
}
