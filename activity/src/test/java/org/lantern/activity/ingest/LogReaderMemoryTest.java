package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log several times larger than the heap must stream: a 10 GB access.log is read in the same
 * memory as a 10 MB one. Run in a child JVM so that the heap limit is real.
 */
class LogReaderMemoryTest {

    private static final int LINES = 480_000;

    @TempDir
    Path dir;

    @Test
    void readsAFileThreeTimesTheHeapInFixedMemory() throws Exception {
        Path file = dir.resolve("access.log");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 0; n < LINES; n++) {
                out.write(LogReaderTest.line(n));
            }
        }
        long size = Files.size(file);
        assertThat(size).isGreaterThan(48L << 20);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx16m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LogReaderChild.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        String output;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            output = String.join("\n", in.lines().toList());
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo(LINES + " 0 " + size);
    }
}
