package org.lantern.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.filter.files.OwnerOnly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** The data directory is its owner's alone from before the first file is written in it. */
class DataDirectoryPermissionsTest {

    @TempDir
    Path base;

    private final Log log = mock(Log.class);

    @BeforeEach
    void posixOnly() throws Exception {
        boolean posix = OwnerOnly.supported(base);
        if (!posix) {
            System.err.println("*** SKIPPING DataDirectoryPermissionsTest: " + base + " has no POSIX permissions ***");
        }
        assumeTrue(posix, "no POSIX permissions on " + base);
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDataDirectoryAndTheParentsMadeForItAreTheOwnersAloneWithoutAWarning() throws Exception {
        Path dataDir = base.resolve("lantern").resolve("data");

        DataDirectoryPermissions.prepare(dataDir, log);

        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        assertThat(permissions(dataDir.getParent())).isEqualTo("rwx------");
        verifyNoInteractions(log);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rwxr-xr-x", "rwx--x--x", "rwxrwxrwx", "rwx---r--"})
    void aDataDirectoryOthersCouldUseIsNarrowedWithAWarningNamingWhatItWas(String was) throws Exception {
        Path dataDir = Files.createDirectory(base.resolve("data"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString(was));

        DataDirectoryPermissions.prepare(dataDir, log);

        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        verify(log).warn(contains("The data directory " + dataDir + " could be used by other accounts (" + was + ")"));
    }

    @Test
    void aDataDirectoryAlreadyTheOwnersIsLeftWithoutAWarning() throws Exception {
        Path dataDir = Files.createDirectory(base.resolve("data"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));

        DataDirectoryPermissions.prepare(dataDir, log);

        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        verifyNoInteractions(log);
    }
}
