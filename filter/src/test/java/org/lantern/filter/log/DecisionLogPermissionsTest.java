package org.lantern.filter.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.files.OwnerOnly;

/** The decision log names pupils and what they browsed: only the account Lantern runs as may read it. */
class DecisionLogPermissionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() throws Exception {
        boolean posix = OwnerOnly.supported(dir);
        if (!posix) {
            System.err.println("*** SKIPPING DecisionLogPermissionsTest: " + dir + " has no POSIX permissions ***");
        }
        assumeTrue(posix, "no POSIX permissions on " + dir);
    }

    private static LogEntry at(String instant) {
        return new LogEntry(Instant.parse(instant), "ada.pupil", null, "pupils", null, "GET", "http://example.org/",
                Action.ALLOW, Rule.NO_MATCH, null, null, null, null, null, null, 1, null, false, "Allowed");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDirectoryAndEachDayFileAreTheOwnersAlone() throws Exception {
        Path logs = dir.resolve("data").resolve("decisions");

        try (DecisionLog log = DecisionLog.open(logs)) {
            log.append(at("2026-01-05T09:30:00Z")).get();
            log.append(at("2026-01-06T09:30:00Z")).get();
        }

        assertThat(permissions(logs)).isEqualTo("rwx------");
        assertThat(permissions(logs.getParent())).isEqualTo("rwx------");
        assertThat(permissions(logs.resolve(LogFormat.fileName(LocalDate.parse("2026-01-05"))))).isEqualTo("rw-------");
        assertThat(permissions(logs.resolve(LogFormat.fileName(LocalDate.parse("2026-01-06"))))).isEqualTo("rw-------");
    }

    @Test
    void dayFilesAnEarlierVersionLeftReadableAreNarrowedAndTheSharedDirectoryAndOtherFilesAreLeft() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path earlier = Files.writeString(dir.resolve(LogFormat.fileName(LocalDate.parse("2025-12-01"))), "{}\n");
        Files.setPosixFilePermissions(earlier, PosixFilePermissions.fromString("rw-r--r--"));
        Path squidGuards = Files.writeString(dir.resolve("squidGuard.log"), "");
        Files.setPosixFilePermissions(squidGuards, PosixFilePermissions.fromString("rw-r--r--"));

        try (DecisionLog log = DecisionLog.open(dir)) {
            log.append(at("2026-01-05T09:30:00Z")).get();
        }

        assertThat(permissions(earlier)).isEqualTo("rw-------");
        assertThat(permissions(dir.resolve(LogFormat.fileName(LocalDate.parse("2026-01-05"))))).isEqualTo("rw-------");
        assertThat(permissions(dir)).isEqualTo("rwxr-xr-x");
        assertThat(permissions(squidGuards)).isEqualTo("rw-r--r--");
    }
}
