package org.lantern.monitor.lexicon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finds the shared test data that lives beside the repository, never copied into it. */
final class SharedData {

    private SharedData() {}

    /** @return {@code shared/data/<relative>} from the first directory above the working one that has it */
    static Optional<Path> find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * @return {@code shared/data/<relative>}; when it is absent the test is skipped, saying so on
     *         stderr as well as in the report, so a run without the shared data is never mistaken
     *         for one that checked it
     */
    static Path require(String relative) {
        Optional<Path> found = find(relative);
        if (found.isEmpty()) {
            System.err.println("SKIPPED: shared test data not found (no shared/data/" + relative + ")");
        }
        assumeTrue(found.isPresent(), "SKIPPED: shared test data not found (no shared/data/" + relative + ")");
        return found.get();
    }
}
