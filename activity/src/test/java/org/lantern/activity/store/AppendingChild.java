package org.lantern.activity.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A separate JVM for {@link DuckDbActivityStoreCrashTest}: appends 1,000-row batches
 * {@code batch-0}, {@code batch-1}, ... to a store, printing {@code stored batch-N} after each
 * append returns, until it is killed or an append fails (then it prints
 * {@code failed batch-N: message} and exits 3). With the argument {@code wait} it prints
 * {@code open} once the store is open and waits for a line on standard input before appending,
 * so the test can limit a process whose native library is already loaded.
 */
final class AppendingChild {

    private AppendingChild() {
    }

    public static void main(String[] args) throws Exception {
        try (DuckDbActivityStore store = DuckDbActivityStore.open(Path.of(args[0]))) {
            if (args.length > 1 && args[1].equals("wait")) {
                System.out.println("open");
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            for (int i = 0; ; i++) {
                String id = "batch-" + i;
                try {
                    store.append(id, Rows.batch(Rows.T0.plusSeconds(1_000L * i), 1_000, "c" + i));
                } catch (RuntimeException e) {
                    System.out.println("failed " + id + ": " + e.getMessage());
                    System.out.flush();
                    System.exit(3);
                }
                System.out.println("stored " + id);
                System.out.flush();
            }
        }
    }
}
