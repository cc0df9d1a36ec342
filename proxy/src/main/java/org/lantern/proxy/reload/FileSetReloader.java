package org.lantern.proxy.reload;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps something loaded from files (category lists, a squidGuard policy) in step with those
 * files, so a school that updates its lists or rules never restarts Lantern, nor Squid.
 *
 * <p>A check compares the files behind the value in force with what they looked like when it was
 * loaded ({@link WatchedFiles}); that costs a few system calls, so checks can be frequent. When
 * anything differs, a complete new value is loaded on the checking thread while requests go on
 * being judged by the old one, and only then swapped in: a request sees the old value or the new,
 * never a mix. A value whose files change while being read is not swapped in, because it may hold
 * half-written files; it is read again at the next check. A load that fails leaves the old value in
 * force, is logged (once, until the reason changes, so a failure that persists does not flood the
 * log) and is tried again at each check.
 *
 * <p>Subclasses say how to load, naming each file before reading it, and how to put a new value in
 * force. The first load is the subclass's own, before construction, so that its failure can stop
 * the program with the subclass's own exceptions.
 *
 * @param <T> what is loaded
 */
public abstract class FileSetReloader<T> implements AutoCloseable {

    /** What one check did. */
    public enum Outcome {
        /** The files are those behind the value in force; nothing was read. */
        UNCHANGED,
        /** The files had changed and the new value is now in force. */
        RELOADED,
        /** The files had changed but could not be loaded; the old value stays in force. */
        FAILED,
        /** The files changed again while being read; the old value stays until the next check. */
        CHANGED_WHILE_READING
    }

    private final String subject;
    private final Object source;
    private final Consumer<String> log;
    private final Object pollerLock = new Object();
    private WatchedFiles inForce;
    private String lastFailure;
    private ScheduledExecutorService poller;

    /**
     * @param subject what is loaded, as a plural noun for log lines, e.g. {@code lists}
     * @param source where it is loaded from, for log lines, e.g. the list directory
     * @param inForce the files the value in force was loaded from, each watched before it was read
     * @param log receives a line for each reload, failed reload and set changed while being read
     */
    protected FileSetReloader(String subject, Object source, WatchedFiles inForce, Consumer<String> log) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.source = Objects.requireNonNull(source, "source");
        this.inForce = Objects.requireNonNull(inForce, "inForce");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Loads a complete new value. Runs on the checking thread while the old value serves.
     *
     * @param files where to {@linkplain WatchedFiles#watch(java.nio.file.Path) watch} each file the value depends
     *     on, before reading it
     * @return the new value
     * @throws Exception if the value cannot be loaded; its message is logged as the reason
     */
    protected abstract T read(WatchedFiles files) throws Exception;

    /**
     * Puts a newly read value in force, atomically: requests judged from then on use it.
     *
     * @param value the new value
     */
    protected abstract void swapIn(T value);

    /**
     * Reloads if the files have changed since the value in force was read. Runs on the caller's
     * thread; one check at a time.
     *
     * @return what the check did
     */
    public final synchronized Outcome reloadIfChanged() {
        if (inForce.unchanged()) {
            return Outcome.UNCHANGED;
        }
        long started = System.nanoTime();
        WatchedFiles files = new WatchedFiles();
        T next;
        try {
            next = read(files);
        } catch (Exception | OutOfMemoryError e) {
            // Running out of memory is caught too: the new value is built beside the old one, and
            // the half-built one is garbage once abandoned, so the old value can go on serving.
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            if (!reason.equals(lastFailure)) {
                log.accept("the " + subject + " in " + source + " could not be reloaded (" + reason
                        + "); the previous " + subject + " stay in force and loading is retried at each check");
            }
            lastFailure = reason;
            return Outcome.FAILED;
        }
        if (!files.unchanged()) {
            log.accept("the " + subject + " in " + source
                    + " changed while being read; they will be read again at the next check");
            return Outcome.CHANGED_WHILE_READING;
        }
        swapIn(next);
        inForce = files;
        lastFailure = null;
        log.accept(String.format(Locale.ROOT, "%s reloaded from %s in %.1f s", subject, source,
                (System.nanoTime() - started) / 1e9));
        return Outcome.RELOADED;
    }

    /**
     * Checks for changes every {@code interval} on a daemon thread, until {@link #close()}.
     *
     * @param interval the time between the end of one check and the start of the next
     * @throws IllegalArgumentException if the interval is not positive
     * @throws IllegalStateException if already checking
     */
    public final void pollEvery(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the reload interval must be positive, not " + interval);
        }
        synchronized (pollerLock) {
            if (poller != null) {
                throw new IllegalStateException("already checking the " + subject + " for changes");
            }
            poller = Executors.newSingleThreadScheduledExecutor(
                    task -> Thread.ofPlatform().name("lantern-reload").daemon(true).unstarted(task));
            long millis = interval.toMillis();
            poller.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops checking for changes; the value in force stays. Does not wait for a check under way,
     * which may take seconds on a large list set: that check finishes on its daemon thread.
     */
    @Override
    public final void close() {
        synchronized (pollerLock) {
            if (poller != null) {
                poller.shutdown();
            }
        }
    }
}
