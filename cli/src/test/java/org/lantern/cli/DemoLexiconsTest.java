package org.lantern.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo monitors with the shared lexicons beside the directory it is run from, and without them when they are not there. */
class DemoLexiconsTest {

    @TempDir
    Path dir;

    @Test
    void theSharedLexiconsBesideTheWorkingDirectoryAreTheDemos() throws Exception {
        Path lexicons = Files.createDirectories(dir.resolve("shared/data/lexicons"));
        Path clone = Files.createDirectories(dir.resolve("lantern"));

        assertThat(DemoCommand.sharedLexicons(clone)).contains(lexicons.toAbsolutePath().normalize());
    }

    @Test
    void withoutThemTheDemoHasNone() throws Exception {
        assertThat(DemoCommand.sharedLexicons(Files.createDirectories(dir.resolve("lantern")))).isEmpty();
    }
}
