package org.lantern.proxy.icap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.lists.ListRegistry;

/**
 * Keeps the category lists of a standalone ICAP server in step with their files, so a school that
 * updates its lists (a nightly UT1 download, say) never restarts the server, nor Squid.
 *
 * <p>A check compares each list file's size, modification time and identity with those of the
 * files behind the lists in force; reading them costs a few system calls, so checks can be
 * frequent. When anything differs, the whole set is read into a new snapshot on the checking
 * thread while requests go on being judged against the old one, and only a complete snapshot is
 * swapped into the {@link ListRegistry}: a request sees the old lists or the new, never a mix. The
 * swap changes the {@linkplain CategoryListDecider#generation() generation}, so the ISTag changes
 * and Squid refreshes what it cached from OPTIONS.
 *
 * <p>A load that fails (a missing directory or category, an unreadable file) leaves the old lists
 * in force and is tried again at the next check; bad lines are skipped and counted, never fatal.
 * A set whose files change while being read is not swapped in, because it may hold half-written
 * files; it is read again at the next check.
 */
public final class CategoryListReloader implements AutoCloseable {

    /** What one check did. */
    public enum Outcome {
        /** The files are those behind the lists in force; nothing was read. */
        UNCHANGED,
        /** The files had changed and the new lists are now in force. */
        RELOADED,
        /** The files had changed but could not be loaded; the old lists stay in force. */
        FAILED,
        /** The files changed again while being read; the old lists stay until the next check. */
        CHANGED_WHILE_READING
    }

    private final Path root;
    private final String source;
    private final Set<String> categories;
    private final Consumer<String> log;
    private final ListRegistry registry;
    private List<FileState> inForce;
    private String lastFailure;
    private ScheduledExecutorService poller;

    private CategoryListReloader(Path root, String source, Set<String> categories, Consumer<String> log,
            CategoryLists lists, List<FileState> files) {
        this.root = root;
        this.source = source;
        this.categories = categories;
        this.log = log;
        this.registry = new ListRegistry(lists);
        this.inForce = files;
    }

    /**
     * Loads the named categories of a list directory, remembering what their files looked like
     * beforehand, so an edit made while they were loading is noticed at the first check.
     *
     * @param root a directory holding one folder per category
     * @param source the source name recorded in each match, e.g. {@code ut1}
     * @param categories the categories to load
     * @param log receives one line per file loaded, and a line for each reload or failed reload
     * @return the reloader, whose {@link #registry()} holds the loaded lists
     * @throws IOException if the directory or a list file cannot be read, or a category is missing
     */
    public static CategoryListReloader load(Path root, String source, Set<String> categories, Consumer<String> log)
            throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(log, "log");
        // Sorted, so every fingerprint lists the files in the same order.
        Set<String> sorted = Collections.unmodifiableSortedSet(new TreeSet<>(categories));
        List<FileState> files = fingerprint(root, sorted);
        CategoryLists lists = CategoryListDecider.loadLists(root, source, sorted, log);
        return new CategoryListReloader(root, source, sorted, log, lists, files);
    }

    /** @return the registry holding the lists in force; give it to a {@link CategoryListDecider} */
    public ListRegistry registry() {
        return registry;
    }

    /**
     * Reloads the lists if their files have changed since the lists in force were read. Runs on
     * the caller's thread; one check at a time.
     *
     * @return what the check did
     */
    public synchronized Outcome reloadIfChanged() {
        List<FileState> before = fingerprint(root, categories);
        if (before.equals(inForce)) {
            return Outcome.UNCHANGED;
        }
        long started = System.nanoTime();
        CategoryLists next;
        try {
            next = CategoryListDecider.loadLists(root, source, categories, log);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // Running out of memory is caught too: the new set is built beside the old one, and
            // the half-built set is garbage once abandoned, so the old lists can go on serving.
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            if (!reason.equals(lastFailure)) {
                log.accept("the lists in " + root + " could not be reloaded (" + reason
                        + "); the previous lists stay in force and loading is retried at each check");
            }
            lastFailure = reason;
            return Outcome.FAILED;
        }
        if (!fingerprint(root, categories).equals(before)) {
            log.accept("the lists in " + root + " changed while being read; they will be read again at the next check");
            return Outcome.CHANGED_WHILE_READING;
        }
        registry.replace(next);
        inForce = before;
        lastFailure = null;
        log.accept(String.format(Locale.ROOT, "lists reloaded from %s in %.1f s", root,
                (System.nanoTime() - started) / 1e9));
        return Outcome.RELOADED;
    }

    /**
     * Checks for changes every {@code interval} on a background thread, until {@link #close()}.
     *
     * @param interval the time between the end of one check and the start of the next
     * @throws IllegalArgumentException if the interval is not positive
     * @throws IllegalStateException if already checking
     */
    public synchronized void pollEvery(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the reload interval must be positive, not " + interval);
        }
        if (poller != null) {
            throw new IllegalStateException("already checking the lists for changes");
        }
        poller = Executors.newSingleThreadScheduledExecutor(
                task -> Thread.ofPlatform().name("lantern-icap-lists").daemon(true).unstarted(task));
        long millis = interval.toMillis();
        poller.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops checking for changes; the lists in force stay. */
    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private static List<FileState> fingerprint(Path root, Set<String> categories) {
        List<FileState> files = new ArrayList<>();
        for (String category : categories) {
            for (ListKind kind : ListKind.values()) {
                files.add(FileState.of(root.resolve(category).resolve(kind.fileName())));
            }
        }
        return files;
    }

    /**
     * What a list file looked like, enough to notice an edit, a replacement or a removal without
     * reading it. The file key (the inode on Unix) catches a file replaced by one of the same size
     * and time, as {@code tar} leaves when it restores a release's times.
     */
    private record FileState(Path file, long size, FileTime modified, Object key) {

        static FileState of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileState(file, attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
            } catch (IOException e) {
                // Missing or unreadable: either way the load will say which, if it comes to one.
                return new FileState(file, -1, null, null);
            }
        }
    }
}
