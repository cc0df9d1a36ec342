package org.lantern.activity.store;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's tests' common ground: a fresh store file in its own temporary folder for each test,
 * closed afterwards. A test may close and reopen {@link #store} on {@link #file} to see what lasts.
 */
abstract class StoreInTempDir {

    @TempDir
    Path dir;
    Path file;
    DuckDbActivityStore store;

    /** Where in {@link #dir} the store's file goes. */
    String fileName() {
        return "activity.duckdb";
    }

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve(fileName());
        store = DuckDbActivityStore.open(file);
    }

    @AfterEach
    void close() {
        store.close();
    }
}
