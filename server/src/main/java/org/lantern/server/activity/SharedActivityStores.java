package org.lantern.server.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.store.DuckDbActivityStore;

/**
 * One {@link DuckDbActivityStore} per file in this process, however many application contexts
 * open it. DuckDB shares one database between the connections a process opens to a file, but a
 * store keeps its own next row id and URL dictionary, so two stores on one file would hand out
 * the same ids; test suites start several contexts on one data directory. The file is closed when
 * the last context holding it closes.
 *
 * <p>A handle opens the file when first used, not when made: the command-line tools start the
 * server's beans to reach the database ({@code token create}, {@code check}, {@code audit verify})
 * while the server runs, and must neither touch the store the server has open nor be refused
 * because it has (a store is one process's at a time).
 */
final class SharedActivityStores {

    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private SharedActivityStores() {
    }

    /**
     * @param file the store's file, absolute and normalised
     * @param stored told of the rows each stretch of a log source stores, after they are stored
     * @return a handle on the one store for that file, opened at its first use (an
     *     {@link UncheckedIOException} then if it cannot be); closing it releases this holder's share
     */
    static ActivityStore open(Path file, Consumer<List<ActivityRow>> stored) {
        return new Handle(file, stored);
    }

    private static synchronized Shared acquire(Path file) {
        Shared shared = OPEN.get(file);
        if (shared == null) {
            try {
                shared = new Shared(file, DuckDbActivityStore.open(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            OPEN.put(file, shared);
        }
        shared.holders++;
        return shared;
    }

    private static synchronized void release(Shared shared) {
        if (--shared.holders == 0) {
            OPEN.remove(shared.file);
            shared.store.close();
        }
    }

    private static final class Shared {
        final Path file;
        final DuckDbActivityStore store;
        int holders;

        Shared(Path file, DuckDbActivityStore store) {
            this.file = file;
            this.store = store;
        }
    }

    /** One holder's share of a store, taken at first use: every call goes to the store, and close releases the share once. */
    private static final class Handle implements ActivityStore {
        private final Path file;
        private final Consumer<List<ActivityRow>> stored;
        private Shared shared;
        private boolean closed;

        Handle(Path file, Consumer<List<ActivityRow>> stored) {
            this.file = file;
            this.stored = stored;
        }

        private synchronized DuckDbActivityStore store() {
            if (closed) {
                throw new IllegalStateException("the activity store " + file + " is closed");
            }
            if (shared == null) {
                shared = acquire(file);
            }
            return shared.store;
        }

        @Override
        public boolean append(String batchId, List<ActivityRow> rows) {
            return store().append(batchId, rows);
        }

        @Override
        public boolean append(String source, long start, SourcePosition end, List<ActivityRow> rows) {
            boolean appended = store().append(source, start, end, rows);
            if (appended && !rows.isEmpty()) {
                stored.accept(rows);
            }
            return appended;
        }

        @Override
        public Optional<SourcePosition> resumeFrom(String source) {
            return store().resumeFrom(source);
        }

        @Override
        public boolean contains(String batchId) {
            return store().contains(batchId);
        }

        @Override
        public ActivityPage search(ActivityQuery query, String after, int limit) {
            return store().search(query, after, limit);
        }

        @Override
        public long count(ActivityQuery query) {
            return store().count(query);
        }

        @Override
        public List<Count> perHour(ActivityQuery query) {
            return store().perHour(query);
        }

        @Override
        public List<Count> topDomains(ActivityQuery query, int n) {
            return store().topDomains(query, n);
        }

        @Override
        public List<Count> topBlockedCategories(ActivityQuery query, int n) {
            return store().topBlockedCategories(query, n);
        }

        @Override
        public long deleteBefore(LocalDate firstKeptDay, Set<Long> heldPersonIds) {
            return store().deleteBefore(firstKeptDay, heldPersonIds);
        }

        @Override
        public List<LocalDate> compactClosedDays(LocalDate today) {
            return store().compactClosedDays(today);
        }

        @Override
        public long size() {
            return store().size();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                if (shared != null) {
                    release(shared);
                }
            }
        }
    }
}
