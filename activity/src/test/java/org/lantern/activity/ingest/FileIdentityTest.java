package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIdentityTest {

    @TempDir
    Path dir;

    @Test
    void survivesARename() throws IOException {
        Path log = Files.writeString(dir.resolve("access.log"), LogReaderTest.line(1) + LogReaderTest.line(2));
        String before = FileIdentity.of(log);

        Path rotated = Files.move(log, dir.resolve("access.log.1"));

        assertThat(FileIdentity.of(rotated)).isEqualTo(before).isNotNull().hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void doesNotChangeAsTheFileGrows() throws IOException {
        Path log = Files.writeString(dir.resolve("access.log"), LogReaderTest.line(1));
        String before = FileIdentity.of(log);

        Files.writeString(log, LogReaderTest.line(2), java.nio.file.StandardOpenOption.APPEND);

        assertThat(FileIdentity.of(log)).isEqualTo(before);
    }

    @Test
    void tellsApartAFileStartedAgainInPlace() throws IOException {
        Path log = Files.writeString(dir.resolve("access.log"), LogReaderTest.line(1));
        String before = FileIdentity.of(log);

        // copytruncate: the same file (same inode), emptied and written again
        Files.writeString(log, LogReaderTest.line(2), java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);

        assertThat(FileIdentity.of(log)).isNotEqualTo(before);
    }

    @Test
    void isNotKnownBeforeTheFirstLineIsComplete() throws IOException {
        assertThat(FileIdentity.of(Files.writeString(dir.resolve("empty.log"), ""))).isNull();
        assertThat(FileIdentity.of(Files.writeString(dir.resolve("half.log"), "1765016400.250 12"))).isNull();
    }
}
