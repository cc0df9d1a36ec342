package org.lantern.server.retention;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * How far the retention check has got, for the page to show while a long run is under way. One
 * immutable snapshot is swapped at each step, so a reader never sees a half-updated state.
 */
@Component
public class ScanProgress {

    private final AtomicReference<Snapshot> current = new AtomicReference<>(Snapshot.NEVER);

    /**
     * The state of the latest run.
     *
     * @param running    whether a run is under way
     * @param phase      what it is checking now
     * @param checked    records and batches checked so far
     * @param total      records and batches to check
     * @param listed     put on the review list so far
     * @param startedAt  when the run began, or null if none has run since start-up
     * @param finishedAt when it ended, or null while running
     */
    public record Snapshot(boolean running, String phase, int checked, int total, int listed, OffsetDateTime startedAt,
                           OffsetDateTime finishedAt) {
        static final Snapshot NEVER = new Snapshot(false, "", 0, 0, 0, null, null);

        /** Per cent done, for a progress bar. */
        public int percent() {
            return total == 0 ? (running ? 0 : 100) : checked * 100 / total;
        }
    }

    /** The latest state. */
    public Snapshot current() {
        return current.get();
    }

    /**
     * Starts a run, or returns false if one is under way: two runs at once would list the same
     * record twice.
     */
    boolean tryBegin() {
        Snapshot now = current.get();
        return !now.running() && current.compareAndSet(now,
                new Snapshot(true, "Starting", 0, 0, 0, OffsetDateTime.now(ZoneOffset.UTC), null));
    }

    void start(int total) {
        current.updateAndGet(s -> new Snapshot(true, "Starting", 0, total, 0,
                s.running() && s.startedAt() != null ? s.startedAt() : OffsetDateTime.now(ZoneOffset.UTC), null));
    }

    void phase(String phase) {
        current.updateAndGet(s -> new Snapshot(true, phase, s.checked(), s.total(), s.listed(), s.startedAt(), null));
    }

    void advance() {
        current.updateAndGet(s -> new Snapshot(true, s.phase(), s.checked() + 1, s.total(), s.listed(), s.startedAt(), null));
    }

    void finish(int listed) {
        current.updateAndGet(s -> new Snapshot(false, "Finished", s.checked(), s.total(), listed, s.startedAt(),
                OffsetDateTime.now(ZoneOffset.UTC)));
    }
}
