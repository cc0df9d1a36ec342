package org.lantern.activity.store;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A separate JVM for {@link DuckDbActivityStoreCrashTest}: opens a store, prints
 * {@code compacting}, compacts every day before the one given, then prints {@code compacted},
 * unless it is killed first, as the test means it to be.
 */
final class CompactingChild {

    private CompactingChild() {
    }

    public static void main(String[] args) throws Exception {
        try (DuckDbActivityStore store = DuckDbActivityStore.open(Path.of(args[0]))) {
            System.out.println("compacting");
            System.out.flush();
            store.compactClosedDays(LocalDate.parse(args[1]));
            System.out.println("compacted");
            System.out.flush();
        }
    }
}
