package org.lantern.filter.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anything acknowledged survives the process being killed outright (SIGKILL, no shutdown hooks). */
class DecisionLogCrashTest {

    private static final int ACKS_BEFORE_KILL = 3_000;

    @Test
    void everyAcknowledgedEntrySurvivesAKilledProcess(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                DecisionLogCrashChild.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            // Killing the child closes our end of its output, so stop reading first; acknowledgements
            // still in the pipe are not checked, every one read is.
            for (String line = out.readLine(); line != null && acknowledged.size() < ACKS_BEFORE_KILL;
                    line = out.readLine()) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add("http://crash.example/" + line.substring(4));
                }
            }
            child.destroyForcibly();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        DecisionLogReader reader = new DecisionLogReader(dir);
        Set<String> onDisk;
        try (Stream<LogEntry> entries = reader.entries()) {
            onDisk = entries.map(LogEntry::url).collect(Collectors.toSet());
        }
        assertThat(acknowledged).hasSize(ACKS_BEFORE_KILL);
        assertThat(onDisk).containsAll(acknowledged);
        assertThat(reader.skipped()).isLessThanOrEqualTo(1);
    }

    @Test
    void logReopenedAfterACrashKeepsOldEntriesAndAppendsReadableNewOnes(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                DecisionLogCrashChild.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            for (int acks = 0; acks < 100; ) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                acks += line.startsWith("ACK ") ? 1 : 0;
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(DecisionLogCrashChild.entry(-1)).get();
        }

        try (Stream<LogEntry> entries = new DecisionLogReader(dir).entries()) {
            assertThat(entries.map(LogEntry::url)).contains("http://crash.example/-1", "http://crash.example/0");
        }
    }
}
