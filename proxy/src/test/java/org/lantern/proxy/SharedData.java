package org.lantern.proxy;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared test data and system programs outside the repository, skipping a test loudly
 * when they are absent (or failing it when CI sets {@code LANTERN_TEST_SYSTEM_REQUIRED=1}).
 */
public final class SharedData {

    private SharedData() {}

    /** @return {@code shared/data}, found by walking up from the working directory */
    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        require(false, "shared test data (a folder shared/data above the working directory) is absent");
        return null;
    }

    /** @param program an absolute path to a system program @return it, when executable */
    public static Path program(String program) {
        Path p = Path.of(program);
        require(Files.isExecutable(p), program + " is not installed (Debian package squidguard)");
        return p;
    }

    private static void require(boolean present, String message) {
        if (!present && "1".equals(System.getenv("LANTERN_TEST_SYSTEM_REQUIRED"))) {
            fail(message + " and LANTERN_TEST_SYSTEM_REQUIRED=1");
        }
        assumeTrue(present, "SKIPPED: " + message);
    }
}
