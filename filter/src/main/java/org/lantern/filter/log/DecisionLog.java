package org.lantern.filter.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.lantern.filter.decision.Decision;

/**
 * The append-only record of every filtering decision, as JSON lines in one file per UTC day
 * ({@code decisions-2026-01-05.jsonl}) under one directory. It is the school's evidence that the
 * published policy was enforced, so an entry that was acknowledged must survive a crash.
 *
 * <p>{@link #append} queues the entry and returns a future; one background thread writes queued
 * entries in batches and calls {@link FileChannel#force(boolean)} after each batch before
 * completing the batch's futures. So a completed future means the line is on disk, and batching
 * keeps the cost of {@code fsync} shared by every request that arrived meanwhile.
 *
 * <p>The queue is bounded. When it is full, {@code append} blocks the caller for up to the
 * configured back-pressure time (slowing the proxy rather than losing records); if it is still
 * full the entry is refused: the future fails with {@link RejectedExecutionException} and
 * {@link #dropped()} counts it, so a loss is never silent. A write failure fails the batch's
 * futures and the writer carries on with the next batch.
 *
 * <p>A file left with a truncated last line by a crash is repaired on reopening by starting the
 * next entry on a new line; {@link DecisionLogReader} skips the broken line.
 */
public final class DecisionLog implements AutoCloseable {

    /** Default number of entries that may wait for the writer. */
    public static final int DEFAULT_CAPACITY = 65_536;

    /** Default time a caller waits for room in a full queue before the entry is refused. */
    public static final Duration DEFAULT_BACK_PRESSURE = Duration.ofMillis(200);

    private static final int MAX_BATCH = 4_096;

    private final Path directory;
    private final Duration backPressure;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final TreeMap<LocalDate, FileChannel> open = new TreeMap<>();
    private volatile boolean closed;

    private record Pending(LogEntry entry, CompletableFuture<Void> done) {}

    private DecisionLog(Path directory, int capacity, Duration backPressure) throws IOException {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.backPressure = Objects.requireNonNull(backPressure, "backPressure");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        Files.createDirectories(directory);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().name("decision-log-writer").daemon(true).unstarted(this::run);
        writer.start();
    }

    /**
     * Opens (creating if needed) a log directory with the default capacity and back-pressure time.
     *
     * @param directory where the daily files live
     * @return the log, with its writer running
     * @throws IOException when the directory cannot be created
     */
    public static DecisionLog open(Path directory) throws IOException {
        return open(directory, DEFAULT_CAPACITY, DEFAULT_BACK_PRESSURE);
    }

    /**
     * @param directory where the daily files live
     * @param capacity how many entries may wait for the writer
     * @param backPressure how long a caller waits for room before its entry is refused
     * @return the log, with its writer running
     * @throws IOException when the directory cannot be created
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
        Objects.requireNonNull(entry, "entry");
        if (closed) {
            dropped.incrementAndGet();
            return CompletableFuture.failedFuture(new RejectedExecutionException("decision log is closed"));
        }
        Pending p = new Pending(entry, new CompletableFuture<>());
        boolean queued;
        try {
            queued = queue.offer(p, backPressure.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queued = false;
        }
        if (!queued) {
            dropped.incrementAndGet();
            return CompletableFuture.failedFuture(new RejectedExecutionException(
                    "decision log queue stayed full for " + backPressure.toMillis() + " ms; entry not logged"));
        }
        return p.done();
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
        closed = true;
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
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            Pending first;
            try {
                first = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Only close() may stop the writer; entries already acknowledged as queued must be written.
                continue;
            }
            if (first == null) {
                if (closed && queue.isEmpty()) {
                    break;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            writeBatch(batch);
            batch.clear();
        }
        for (FileChannel c : open.values()) {
            closeQuietly(c);
        }
        open.clear();
    }

    private void writeBatch(List<Pending> batch) {
        List<Pending> ok = new ArrayList<>(batch.size());
        // One write per day's file per batch, not one per entry: at a Squid helper's rate
        // (hundreds of thousands of decisions a second) a system call per line was most of the
        // writer's time and held the helper back (docs/benchmarks.md, squid-helper section).
        Map<LocalDate, ByteArrayOutputStream> lines = new TreeMap<>();
        try {
            for (Pending p : batch) {
                ByteArrayOutputStream day = lines.computeIfAbsent(LogFormat.dayOf(p.entry()),
                        d -> new ByteArrayOutputStream(batch.size() * 256));
                LogEntryJson.write(p.entry(), day);
                day.write('\n');
                ok.add(p);
            }
            for (Map.Entry<LocalDate, ByteArrayOutputStream> day : lines.entrySet()) {
                FileChannel channel = channel(day.getKey());
                ByteBuffer buffer = ByteBuffer.wrap(day.getValue().toByteArray());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
        } catch (IOException | RuntimeException e) {
            // Any failure fails this batch only: the writer thread must outlive it.
            for (Pending p : batch) {
                if (p.done().completeExceptionally(e)) {
                    failed.incrementAndGet();
                }
            }
            // Reopen on the next batch: the channel may be unusable (disk removed, file deleted).
            for (FileChannel c : open.values()) {
                closeQuietly(c);
            }
            open.clear();
            return;
        }
        written.addAndGet(ok.size());
        for (Pending p : ok) {
            p.done().complete(null);
        }
        retireOldDays();
    }

    private FileChannel channel(LocalDate day) throws IOException {
        FileChannel c = open.get(day);
        if (c != null) {
            return c;
        }
        Path file = directory.resolve(LogFormat.fileName(day));
        boolean cutShort = endsWithoutNewline(file);
        c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (cutShort) {
            // A crash cut the last line short; start ours on a fresh line so both stay separate.
            c.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
        open.put(day, c);
        return c;
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
