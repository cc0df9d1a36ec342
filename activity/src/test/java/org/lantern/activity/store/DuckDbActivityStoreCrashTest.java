package org.lantern.activity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore.ActivityQuery;

/**
 * What survives a process that dies mid-append: a {@code kill -9}, and a disk that fills up. A
 * child JVM ({@link AppendingChild}) appends batches and says which returned; the store reopened
 * afterwards must hold every one of those, whole, and no part of any other. And one that dies
 * mid-compaction ({@link CompactingChild}): every row is there once, held rows too.
 */
class DuckDbActivityStoreCrashTest {

    private static final int ROWS_PER_BATCH = 1_000;

    @TempDir
    Path dir;

    @Test
    void killedMidStreamEveryAcknowledgedBatchIsThereAndNoPartOfAnyOther() throws Exception {
        Path file = dir.resolve("activity.duckdb");
        Process child = start(List.of(java(), "-cp", System.getProperty("java.class.path"),
                AppendingChild.class.getName(), file.toString()));
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while (acknowledged.size() < 12 && (line = out.readLine()) != null) {
                acknowledged.add(line.substring("stored ".length()));
            }
            // Killed while the next append is under way.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(12);

        assertWholeBatches(file, acknowledged);
    }

    @Test
    void killedMidCompactionTheStoreOpensWithEveryRowOnceAndHeldRowsKept() throws Exception {
        Path file = dir.resolve("activity.duckdb");
        LocalDate day = DayCompactionTest.DAY;
        try (DuckDbActivityStore store = DuckDbActivityStore.open(file)) {
            store.append("before-retention", DayCompactionTest.day(day.minusDays(1), 1_000, 40));
            List<ActivityRow> rows = DayCompactionTest.day(day, 200_000, 40);
            for (int i = 0; i < rows.size(); i += 10_000) {
                store.append("day-" + i, rows.subList(i, i + 10_000));
            }
            store.deleteBefore(day, Set.of(7L));
        }
        long held = 1_000 / 40;
        Process child = start(List.of(java(), "-cp", System.getProperty("java.class.path"),
                CompactingChild.class.getName(), file.toString(), day.plusDays(1).toString()));
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).isEqualTo("compacting");
            // 200,000 rows take longer than this to rewrite, even on a quiet machine.
            Thread.sleep(150);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("exit status: 137 is killed, 0 finished before the kill").isEqualTo(137);

        try (DuckDbActivityStore store = DuckDbActivityStore.open(file)) {
            assertThat(store.size()).isEqualTo(200_000 + held);
            assertThat(store.count(new ActivityQuery(null, day.atStartOfDay().toInstant(ZoneOffset.UTC), 7L, null,
                    null, null, null, null, null, null, null, null))).isEqualTo(held);
            // Compacted again from what was left, it keeps every row once.
            assertThat(store.compactClosedDays(day.plusDays(1))).isNotEmpty();
            assertThat(store.size()).isEqualTo(200_000 + held);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) - count(DISTINCT id) FROM activity")) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows stored twice").isZero();
        }
    }

    @Test
    void aFullDiskFailsTheBatchClearlyAndKeepsEveryEarlierOne() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "needs prlimit (util-linux)");
        Path file = dir.resolve("activity.duckdb");
        Process child = start(List.of(java(), "-cp", System.getProperty("java.class.path"),
                AppendingChild.class.getName(), file.toString(), "wait"));
        List<String> acknowledged = new ArrayList<>();
        String failure = null;
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).isEqualTo("open");
            // A 3 MB file-size limit stands in for a full disk: the write that would pass it fails
            // (EFBIG) as a write to a full disk does (ENOSPC), and the JVM ignores the SIGXFSZ.
            // Set only now, as DuckDB's driver unpacks a 60 MB native library when it loads.
            Process limit = new ProcessBuilder("/usr/bin/prlimit", "--pid", Long.toString(child.pid()),
                    "--fsize=3145728:3145728").inheritIO().start();
            assertThat(limit.waitFor()).isZero();
            child.outputWriter(StandardCharsets.UTF_8).append("go\n").flush();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("stored ")) {
                    acknowledged.add(line.substring("stored ".length()));
                } else {
                    failure = line;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("exit status (153: killed by SIGXFSZ)").isEqualTo(3);
        assertThat(acknowledged).isNotEmpty();
        assertThat(failure).startsWith("failed batch-" + acknowledged.size() + ": batch batch-"
                + acknowledged.size() + " was not stored in ").contains("nothing of it was kept");

        assertWholeBatches(file, acknowledged);
    }

    /**
     * A store is one process's at a time: a second process opening the file (a command-line tool
     * while the server runs) once checkpointed it and deleted the server's write-ahead log under it.
     */
    @Test
    void anotherProcessCannotOpenAStoreThatIsOpenAndCanOnceItIsClosed() throws Exception {
        Path file = dir.resolve("activity.duckdb");
        Process child = start(List.of(java(), "-cp", System.getProperty("java.class.path"),
                AppendingChild.class.getName(), file.toString(), "wait"));
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).isEqualTo("open");

            assertThatThrownBy(() -> DuckDbActivityStore.open(file))
                    .isInstanceOf(StoreInUseException.class)
                    .hasMessage("the activity store " + file.toAbsolutePath() + " is in use by another Lantern process; "
                            + "stop it, or send rows to it with 'lantern activity import --server URL'");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (DuckDbActivityStore store = DuckDbActivityStore.open(file)) {
            assertThat(store.size()).isZero();
        }
    }

    private static void assertWholeBatches(Path file, List<String> acknowledged) throws Exception {
        try (DuckDbActivityStore store = DuckDbActivityStore.open(file)) {
            assertThat(acknowledged).allMatch(store::contains);
            int present = 0;
            while (store.contains("batch-" + present)) {
                present++;
            }
            // At most the one being appended when it died got in beside the acknowledged ones.
            assertThat(present).isBetween(acknowledged.size(), acknowledged.size() + 1);
            assertThat(store.contains("batch-" + (present + 1))).isFalse();
            assertThat(store.size()).isEqualTo((long) present * ROWS_PER_BATCH);
        }
    }

    private Process start(List<String> command) throws Exception {
        return new ProcessBuilder(command)
                .redirectError(dir.resolve("child.err").toFile())
                .start();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }
}
