package org.lantern.server.activity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.store.DuckDbActivityStore;

/**
 * One {@link DuckDbActivityStore} per file in this process, however many application contexts
 * open it. DuckDB shares one database between the connections a process opens to a file, but a
 * store keeps its own next row id and URL dictionary, so two stores on one file would hand out
 * the same ids; test suites start several contexts on one data directory. The file is closed when
 * the last context holding it closes.
 */
final class SharedActivityStores {

    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private SharedActivityStores() {
    }

    /**
     * @param file the store's file, absolute and normalised
     * @return a handle on the one store for that file; closing it releases this holder's share
     */
    static synchronized ActivityStore open(Path file) throws IOException {
        Shared shared = OPEN.get(file);
        if (shared == null) {
            shared = new Shared(file, DuckDbActivityStore.open(file));
            OPEN.put(file, shared);
        }
        shared.holders++;
        return new Handle(shared);
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

    /** One holder's share of a store: every call goes to the store, and close releases the share once. */
    private static final class Handle implements ActivityStore {
        private final Shared shared;
        private boolean closed;

        Handle(Shared shared) {
            this.shared = shared;
        }

        @Override
        public boolean append(String batchId, List<ActivityRow> rows) {
            return shared.store.append(batchId, rows);
        }

        @Override
        public boolean append(String source, long start, SourcePosition end, List<ActivityRow> rows) {
            return shared.store.append(source, start, end, rows);
        }

        @Override
        public Optional<SourcePosition> resumeFrom(String source) {
            return shared.store.resumeFrom(source);
        }

        @Override
        public boolean contains(String batchId) {
            return shared.store.contains(batchId);
        }

        @Override
        public ActivityPage search(ActivityQuery query, String after, int limit) {
            return shared.store.search(query, after, limit);
        }

        @Override
        public List<Count> perHour(ActivityQuery query) {
            return shared.store.perHour(query);
        }

        @Override
        public List<Count> topDomains(ActivityQuery query, int n) {
            return shared.store.topDomains(query, n);
        }

        @Override
        public List<Count> topBlockedCategories(ActivityQuery query, int n) {
            return shared.store.topBlockedCategories(query, n);
        }

        @Override
        public long deleteBefore(LocalDate firstKeptDay, Set<Long> heldPersonIds) {
            return shared.store.deleteBefore(firstKeptDay, heldPersonIds);
        }

        @Override
        public long size() {
            return shared.store.size();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release(shared);
            }
        }
    }
}
