package org.lantern.filter.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Streams a {@link DecisionLog} directory back, oldest day first, for monitoring and audit.
 * Lines that are not a complete entry (the last line of a file cut short by a crash, or a line
 * damaged on disk) are skipped and counted in {@link #skipped()} rather than stopping the read,
 * so one bad line never hides the rest of the record.
 */
public final class DecisionLogReader {

    private final Path directory;
    private final AtomicLong skipped = new AtomicLong();

    /** @param directory a decision-log directory */
    public DecisionLogReader(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Every entry of every daily file, in file then line order. Close the stream when done.
     *
     * @return the entries, read lazily
     * @throws IOException when the directory cannot be listed
     */
    public Stream<LogEntry> entries() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> LogFormat.isLogFile(p.getFileName().toString())).sorted().toList();
        }
        return files.stream().flatMap(this::entriesOf);
    }

    /** @return lines skipped so far because they were not a complete entry */
    public long skipped() {
        return skipped.get();
    }

    /**
     * Reads one line of a day file, for readers that follow a file by byte offset rather than
     * through {@link #entries()}, such as the activity log's ingest.
     *
     * @param line one line, without its newline
     * @return its entry
     * @throws IllegalArgumentException when the line is not a complete entry
     */
    public static LogEntry parse(String line) {
        try {
            return LogFormat.JSON.readValue(line, LogEntry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a decision-log entry: " + e.getOriginalMessage(), e);
        }
    }

    private Stream<LogEntry> entriesOf(Path file) {
        BufferedReader in;
        try {
            // Replacement decoding: a line cut inside a multi-byte character is skipped, not fatal.
            in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return in.lines().<LogEntry>mapMulti((line, out) -> {
            if (line.isBlank()) {
                return;
            }
            try {
                out.accept(parse(line));
            } catch (IllegalArgumentException e) {
                skipped.incrementAndGet();
            }
        }).onClose(() -> {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
