package org.lantern.filter.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.files.OwnerOnly;

/**
 * The append-only record of every filtering decision, as JSON lines in one file per UTC day
 * ({@code decisions-2026-01-05.jsonl}) under one directory. It is the school's evidence that the
 * published policy was enforced, so an entry that was acknowledged must survive a crash.
 *
 * <p>{@link #appendAll} queues a batch of entries and returns one future for the batch
 * ({@link #append} is a batch of one); one background thread writes queued batches and calls
 * {@link FileChannel#force(boolean)} after each write before completing their futures. So a
 * completed future means every line of its batch is on disk, and the cost of {@code fsync} is
 * shared by every entry that arrived meanwhile. Batches exist for callers that decide faster than
 * a queue hand-off per entry allows: the Squid helper judges a few hundred thousand requests a
 * second, and a lock, a signal and a future per entry were a measurable part of that
 * (docs/benchmarks.md, squid-helper section).
 *
 * <p>The queue is bounded by the number of entries waiting. When a batch does not fit,
 * {@code appendAll} blocks the caller for up to the configured back-pressure time (slowing the
 * proxy rather than losing records); if it still does not fit, the batch is refused: its future
 * fails with {@link RejectedExecutionException} and {@link #dropped()} counts its entries, so a
 * loss is never silent. A batch larger than the whole capacity is accepted when nothing else is
 * waiting. A write failure fails the futures of the batches in that write only, and the writer
 * carries on with the next.
 *
 * <p>A file left with a truncated last line by a crash is repaired on reopening by starting the
 * next entry on a new line; {@link DecisionLogReader} skips the broken line.
 *
 * <p>The entries name pupils and what they browsed, so only the account Lantern runs as may read
 * them: each day's file is made readable and writable by its owner only, a directory the log makes
 * is its owner's alone, and the day files already there when it opens (an earlier version's, made
 * with the umask) are narrowed to the same. A directory that was there is left as it is: it may be
 * squidGuard's {@code logdir}, shared with other logs.
 */
public final class DecisionLog implements AutoCloseable {

    private static final Set<StandardOpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);

    /** Default number of entries that may wait for the writer. */
    public static final int DEFAULT_CAPACITY = 65_536;

    /** Default time a caller waits for room in a full queue before its batch is refused. */
    public static final Duration DEFAULT_BACK_PRESSURE = Duration.ofMillis(200);

    /** The writer takes queued batches until it holds this many entries, then writes and forces them. */
    private static final int MAX_WRITE_ENTRIES = 4_096;

    /** Encoded lines are handed to the file in chunks of about this many characters, bounding the buffer. */
    private static final int WRITE_CHUNK_CHARS = 1 << 16;

    private final Path directory;
    private final Duration backPressure;
    private final int capacity;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final TreeMap<LocalDate, FileChannel> open = new TreeMap<>();
    private final LogEntryJson json = new LogEntryJson();
    private final StringBuilder text = new StringBuilder(WRITE_CHUNK_CHARS + 1024);
    /** Owner-only permissions for each new day file, where the file system has them. */
    private final FileAttribute<?>[] fileAttributes;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    /** Batches waiting for the writer; guarded by {@link #lock}, as are the two fields below. */
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int queuedEntries;
    private boolean closed;

    private record Pending(List<LogEntry> entries, CompletableFuture<Void> done) {}

    private DecisionLog(Path directory, int capacity, Duration backPressure) throws IOException {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.backPressure = Objects.requireNonNull(backPressure, "backPressure");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        OwnerOnly.createDirectories(directory);
        restrictDayFiles(directory);
        this.fileAttributes = OwnerOnly.forFileIn(directory);
        this.writer = Thread.ofPlatform().name("decision-log-writer").daemon(true).unstarted(this::run);
        writer.start();
    }

    /**
     * Opens (creating if needed) a log directory with the default capacity and back-pressure time.
     *
     * @param directory where the daily files live
     * @return the log, with its writer running
     * @throws IOException when the directory cannot be created, or a day file in it cannot be made
     *     its owner's alone
     */
    public static DecisionLog open(Path directory) throws IOException {
        return open(directory, DEFAULT_CAPACITY, DEFAULT_BACK_PRESSURE);
    }

    /**
     * @param directory where the daily files live
     * @param capacity how many entries may wait for the writer
     * @param backPressure how long a caller waits for room before its entries are refused
     * @return the log, with its writer running
     * @throws IOException when the directory cannot be created, or a day file in it cannot be made
     *     its owner's alone
     */
    public static DecisionLog open(Path directory, int capacity, Duration backPressure) throws IOException {
        return new DecisionLog(directory, capacity, backPressure);
    }

    /**
     * @param decision a decision just made
     * @return completes when its line is durably on disk; fails if it could not be queued or written
     */
    public CompletableFuture<Void> append(Decision decision) {
        return append(LogEntry.of(decision));
    }

    /**
     * @param entry a log line
     * @return completes when the line is durably on disk; fails if it could not be queued or written
     */
    public CompletableFuture<Void> append(LogEntry entry) {
        return appendAll(List.of(entry));
    }

    /**
     * Queues entries as one batch: one hand-off to the writer and one future however many there are.
     *
     * @param entries log lines, in the order they are to be written
     * @return completes when every line is durably on disk; fails if the batch could not be queued
     *     (nothing of it is logged) or written
     */
    public CompletableFuture<Void> appendAll(List<LogEntry> entries) {
        List<LogEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Pending p = new Pending(batch, new CompletableFuture<>());
        String refusal = enqueue(p);
        if (refusal != null) {
            dropped.addAndGet(batch.size());
            return CompletableFuture.failedFuture(new RejectedExecutionException(refusal));
        }
        return p.done();
    }

    /** @return why the batch was refused, or {@code null} once it is queued */
    private String enqueue(Pending p) {
        int size = p.entries().size();
        long wait = backPressure.toNanos();
        lock.lock();
        try {
            while (!closed && queuedEntries > 0 && queuedEntries + size > capacity) {
                if (wait <= 0) {
                    return "decision log queue stayed full for " + backPressure.toMillis() + " ms; "
                            + size + " entries not logged";
                }
                wait = notFull.awaitNanos(wait);
            }
            if (closed) {
                return "decision log is closed";
            }
            queue.add(p);
            queuedEntries += size;
            notEmpty.signal();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for room in the decision log queue; " + size + " entries not logged";
        } finally {
            lock.unlock();
        }
    }

    /** @return entries durably written since opening */
    public long written() {
        return written.get();
    }

    /** @return entries refused because the queue stayed full or the log was closed */
    public long dropped() {
        return dropped.get();
    }

    /** @return entries whose write failed */
    public long failed() {
        return failed.get();
    }

    /** @return the directory holding the daily files */
    public Path directory() {
        return directory;
    }

    /**
     * Refuses new entries, writes every queued one, and closes the files. Waits for the writer.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signal();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending> batches;
        while ((batches = take()) != null) {
            write(batches);
        }
        for (FileChannel c : open.values()) {
            closeQuietly(c);
        }
        open.clear();
    }

    /**
     * Waits for queued batches and takes them, up to {@link #MAX_WRITE_ENTRIES} entries (at least one
     * batch). Only close() may stop the writer, and only once everything queued is taken: the check
     * for closing and the queue share one lock, so no batch can be queued after the writer's last look.
     *
     * @return the batches, or {@code null} when the log is closed and nothing is left
     */
    private List<Pending> take() {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    return null;
                }
                notEmpty.awaitUninterruptibly();
            }
            List<Pending> batches = new ArrayList<>();
            int entries = 0;
            while (!queue.isEmpty() && entries < MAX_WRITE_ENTRIES) {
                Pending p = queue.poll();
                batches.add(p);
                entries += p.entries().size();
            }
            queuedEntries -= entries;
            notFull.signalAll();
            return batches;
        } finally {
            lock.unlock();
        }
    }

    private void write(List<Pending> batches) {
        int entries = 0;
        try {
            for (long day : days(batches)) {
                FileChannel channel = channel(LocalDate.ofEpochDay(day));
                for (Pending p : batches) {
                    for (LogEntry e : p.entries()) {
                        if (LogFormat.epochDay(e.time()) == day) {
                            json.write(e, text);
                            text.append('\n');
                            if (text.length() >= WRITE_CHUNK_CHARS) {
                                writeText(channel);
                            }
                        }
                    }
                }
                writeText(channel);
                channel.force(false);
            }
            for (Pending p : batches) {
                entries += p.entries().size();
            }
        } catch (IOException | RuntimeException e) {
            // Any failure fails these batches only: the writer thread must outlive it.
            text.setLength(0);
            for (Pending p : batches) {
                if (p.done().completeExceptionally(e)) {
                    failed.addAndGet(p.entries().size());
                }
            }
            // Reopen on the next write: the channel may be unusable (disk removed, file deleted).
            for (FileChannel c : open.values()) {
                closeQuietly(c);
            }
            open.clear();
            return;
        }
        written.addAndGet(entries);
        for (Pending p : batches) {
            p.done().complete(null);
        }
        retireOldDays();
    }

    /** @return the UTC days (epoch day numbers) the batches' entries fall on, in order; nearly always one */
    private static SortedSet<Long> days(List<Pending> batches) {
        SortedSet<Long> days = new TreeSet<>();
        long last = Long.MIN_VALUE;
        for (Pending p : batches) {
            for (LogEntry e : p.entries()) {
                long day = LogFormat.epochDay(e.time());
                if (day != last) {
                    days.add(day);
                    last = day;
                }
            }
        }
        return days;
    }

    /**
     * Writes the encoded lines with one system call rather than one per line: at a Squid helper's
     * rate a call per line was most of the writer's time (docs/benchmarks.md, squid-helper section).
     */
    private void writeText(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private FileChannel channel(LocalDate day) throws IOException {
        FileChannel c = open.get(day);
        if (c != null) {
            return c;
        }
        Path file = directory.resolve(LogFormat.fileName(day));
        boolean cutShort = endsWithoutNewline(file);
        c = FileChannel.open(file, APPEND, fileAttributes);
        if (cutShort) {
            // A crash cut the last line short; start ours on a fresh line so both stay separate.
            c.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
        open.put(day, c);
        return c;
    }

    /** Narrows the day files an earlier version left readable by others; refusing to open if one cannot be. */
    private static void restrictDayFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> LogFormat.isLogFile(f.getFileName().toString())).toList()) {
                try {
                    OwnerOnly.restrict(file);
                } catch (IOException e) {
                    throw new IOException("the decision log " + file + " can be read by others and cannot be made its "
                            + "owner's alone (" + e.getMessage() + "): chmod 600 it as its owner", e);
                }
            }
        }
    }

    private static boolean endsWithoutNewline(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    /** Keeps only the newest day's file open: after midnight earlier days receive only stragglers. */
    private void retireOldDays() {
        if (open.size() <= 1) {
            return;
        }
        LocalDate newest = open.lastKey();
        Iterator<Map.Entry<LocalDate, FileChannel>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<LocalDate, FileChannel> e = it.next();
            if (!e.getKey().equals(newest)) {
                closeQuietly(e.getValue());
                it.remove();
            }
        }
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // Every line in it was already forced to disk; nothing is lost by a failed close.
        }
    }
}
