package org.lantern.monitor.lexicon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
}
