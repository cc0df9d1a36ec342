package org.lantern.activity.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.lantern.activity.ActivityRow;

/**
 * Follows a log file from a byte offset, handing its rows on in batches, each with the byte range
 * it covers so that {@code identity:start-end} names it across retries (the store keeps each batch
 * once). Memory is fixed whatever the file's size: one read buffer and one batch of rows.
 *
 * <p>A bad line never stops the read: binary junk, a line longer than the limit, invalid UTF-8, a
 * time before 1971 (a clock that was never set) or more than a day ahead, or a line its parser
 * refuses is counted, and the first {@value #MAX_REPORTED_BAD_LINES} are reported with their line
 * numbers and reasons. The read stops before a last line that has no newline yet (the writer is
 * still writing it), so the next read, from {@link Result#next()}, starts with that line whole.
 *
 * <p>If the consumer throws (the store is down), the read stops with that exception; the next read
 * starts where the last accepted batch ended. A batch's range depends on where its read started
 * and where the file then ended (the last batch of a read is cut at the end of the file), so a
 * read that starts again from an earlier offset can name a range overlapping a stored batch
 * differently: resume from the end of the last batch the store accepted, kept with it, never from
 * an offset saved apart from the rows, as {@link LogIngest} does. Not thread-safe: its parser keeps caches.
 */
public final class LogReader {

    /** Rows per batch unless told otherwise. */
    public static final int DEFAULT_BATCH_ROWS = 10_000;

    /** Longest line read unless told otherwise; Squid's own URL limit is 8 KiB in most builds. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    /** Size of the read buffer unless told otherwise. */
    public static final int DEFAULT_BUFFER_BYTES = 1 << 20;

    /** Bad lines reported one by one in a result; the rest are only counted. */
    public static final int MAX_REPORTED_BAD_LINES = 100;

    /** Times before this are a clock that was never set, not a request. */
    static final Instant EARLIEST = Instant.parse("1971-01-01T00:00:00Z");

    private final LineParser parser;
    private final Clock clock;
    private final int batchRows;
    private final int maxLineBytes;
    private final byte[] buffer;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * @param parser reads one line
     * @param clock tells the reader what "more than a day ahead" means
     */
    public LogReader(LineParser parser, Clock clock) {
        this(parser, clock, DEFAULT_BATCH_ROWS, DEFAULT_MAX_LINE_BYTES, DEFAULT_BUFFER_BYTES);
    }

    /**
     * @param parser reads one line
     * @param clock tells the reader what "more than a day ahead" means
     * @param batchRows rows per batch, at least 1
     * @param maxLineBytes longest line read, newline excluded; longer lines are bad lines
     * @param bufferBytes read buffer size, larger than {@code maxLineBytes}
     */
    public LogReader(LineParser parser, Clock clock, int batchRows, int maxLineBytes, int bufferBytes) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batchRows < 1 || maxLineBytes < 1 || bufferBytes <= maxLineBytes) {
            throw new IllegalArgumentException("need batchRows >= 1, maxLineBytes >= 1, bufferBytes > maxLineBytes");
        }
        this.batchRows = batchRows;
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[bufferBytes];
    }

    /** @return the read buffer's size in bytes: all the reader holds of a file at once */
    public int bufferBytes() {
        return buffer.length;
    }

    /**
     * Reads from {@code from} to the last complete line.
     *
     * @param file the log file
     * @param from where to start: {@link Position#START}, or a previous result's {@link Result#next()}
     * @param batches receives each batch as soon as it is full, and the last, shorter one
     * @return what was read, and where to start next time
     * @throws IOException when the file cannot be read, or is shorter than {@code from} (it was
     *     truncated or replaced: start it again from its {@link FileIdentity})
     */
    public Result read(Path file, Position from, Consumer<Batch> batches) throws IOException {
        Objects.requireNonNull(from, "from");
        String identity = FileIdentity.of(file);
        if (identity == null) {
            if (from.offset() > 0) {
                throw new IOException(file + " is shorter than offset " + from.offset() + ": truncated or replaced");
            }
            return new Result(null, 0, 0, 0, List.of(), from);
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() < from.offset()) {
                throw new IOException(file + " is shorter than offset " + from.offset() + ": truncated or replaced");
            }
            in.position(from.offset());
            return new Pass(identity, from, batches, clock.instant().plus(Duration.ofDays(1))).run(in);
        }
    }

    /** One read of one file: the state the scan loop carries. */
    private final class Pass {
        private final String identity;
        private final Consumer<Batch> sink;
        private final Instant latest;
        private final List<BadLine> badLines = new ArrayList<>();
        private List<ActivityRow> rows = newBatch();
        private long line;
        private long batchStart;
        private long rowCount;
        private long skipped;
        private long bad;

        Pass(String identity, Position from, Consumer<Batch> sink, Instant latest) {
            this.identity = identity;
            this.sink = sink;
            this.latest = latest;
            this.line = from.line();
            this.batchStart = from.offset();
        }

        Result run(FileChannel in) throws IOException {
            byte[] b = buffer;
            ByteBuffer into = ByteBuffer.wrap(b);
            long base = batchStart; // the file offset of b[0]
            int len = 0;
            int lineStart = 0;
            int scan = 0;
            long lineOffset = batchStart;
            boolean ascii = true;
            boolean binary = false;
            boolean tooLong = false;
            while (true) {
                for (int i = scan; i < len; i++) {
                    // Eight bytes at a time while none needs a look: the byte loop alone was 15 % of
                    // a Squid read's CPU samples (docs/benchmarks.md, activity-ingest section).
                    while (i + Long.BYTES <= len && Bytes.plainAscii(b, i)) {
                        i += Long.BYTES;
                    }
                    if (i == len) {
                        break;
                    }
                    byte c = b[i];
                    // One comparison per ordinary byte: newline, control bytes and the bytes of
                    // multi-byte UTF-8 characters (negative as Java bytes) are all below 0x20.
                    if (c < 0x20) {
                        if (c == '\n') {
                            if (tooLong) {
                                bad(lineOffset, "longer than " + maxLineBytes + " bytes");
                            } else {
                                readLine(b, lineStart, i, lineOffset, ascii, binary);
                            }
                            line++;
                            lineStart = i + 1;
                            lineOffset = base + lineStart;
                            ascii = true;
                            binary = false;
                            tooLong = false;
                            if (rows.size() >= batchRows) {
                                emit(lineOffset);
                            }
                        } else if (c < 0) {
                            ascii = false;
                        } else if (c != '\t' && c != '\r') {
                            binary = true;
                        }
                    }
                }
                if (tooLong || len - lineStart > maxLineBytes) {
                    // Keep none of an over-long line: only its end (the next newline) matters now.
                    tooLong = true;
                    lineStart = len;
                }
                if (lineStart > 0) {
                    System.arraycopy(b, lineStart, b, 0, len - lineStart);
                    base += lineStart;
                    len -= lineStart;
                    lineStart = 0;
                }
                scan = len;
                into.limit(b.length).position(len);
                int n = in.read(into);
                if (n < 0) {
                    break;
                }
                len += n;
            }
            if (!rows.isEmpty()) {
                emit(lineOffset);
            }
            // lineOffset is the start of the unfinished last line, or the end of the file.
            return new Result(identity, rowCount, skipped, bad, badLines, new Position(lineOffset, line));
        }

        private void readLine(byte[] b, int from, int to, long offset, boolean ascii, boolean binary) {
            if (to > from && b[to - 1] == '\r') {
                to--;
            }
            if (to == from) {
                skipped++;
                return;
            }
            if (binary) {
                bad(offset, "binary data (control bytes)");
                return;
            }
            if (!ascii && !validUtf8(b, from, to)) {
                bad(offset, "not valid UTF-8");
                return;
            }
            ActivityRow row;
            try {
                row = parser.parse(b, from, to, ascii);
            } catch (BadLineException e) {
                bad(offset, e.getMessage());
                return;
            } catch (RuntimeException e) {
                // A line the parser did not foresee is still one line: report it, read on.
                bad(offset, "unreadable: " + e);
                return;
            }
            if (row == null) {
                skipped++;
            } else if (row.time().isBefore(EARLIEST)) {
                bad(offset, "time " + row.time() + " is before 1971");
            } else if (row.time().isAfter(latest)) {
                bad(offset, "time " + row.time() + " is more than a day ahead");
            } else {
                rows.add(row);
                rowCount++;
            }
        }

        private void bad(long offset, String reason) {
            bad++;
            if (badLines.size() < MAX_REPORTED_BAD_LINES) {
                badLines.add(new BadLine(line, offset, reason));
            }
        }

        private void emit(long end) {
            sink.accept(new Batch(identity, batchStart, end, line, Collections.unmodifiableList(rows)));
            rows = newBatch();
            batchStart = end;
        }

        /** Sized for a full batch, so that filling it copies nothing. */
        private List<ActivityRow> newBatch() {
            return new ArrayList<>(Math.min(batchRows, 1 << 16));
        }
    }

    private boolean validUtf8(byte[] b, int from, int to) {
        try {
            utf8.reset().decode(ByteBuffer.wrap(b, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Where to start a read.
     *
     * @param offset a byte offset at the start of a line
     * @param line the number of that line, counting from 1, for reporting bad lines
     */
    public record Position(long offset, long line) {

        /** The start of a file. */
        public static final Position START = new Position(0, 1);

        /** Rejects impossible positions. */
        public Position {
            if (offset < 0 || line < 1) {
                throw new IllegalArgumentException("offset must be >= 0 and line >= 1");
            }
        }
    }

    /**
     * Rows read from one byte range of a file.
     *
     * @param fileIdentity the file's {@link FileIdentity}
     * @param start the offset of the range's first byte
     * @param end the offset after its last byte (after a newline)
     * @param endLine the number of the line starting at {@code end}, counting from 1
     * @param rows the rows of the lines in the range, in file order
     */
    public record Batch(String fileIdentity, long start, long end, long endLine, List<ActivityRow> rows) {

        /** @return {@code identity:start-end}, the batch's id for {@code ActivityStore.append} */
        public String id() {
            return fileIdentity + ":" + start + "-" + end;
        }
    }

    /**
     * A line that was not read into a row.
     *
     * @param line its line number, counting from 1
     * @param offset the byte offset of its start
     * @param reason why, in words
     */
    public record BadLine(long line, long offset, String reason) {}

    /**
     * What one read did.
     *
     * @param fileIdentity the file's {@link FileIdentity}, or {@code null} while it has no complete line
     * @param rows rows handed on
     * @param skipped well-formed lines that record no request (blank lines, Squid's {@code error:} lines)
     * @param bad bad lines, all of them
     * @param badLines the first {@value LogReader#MAX_REPORTED_BAD_LINES} bad lines
     * @param next where the next read starts: after the last complete line
     */
    public record Result(String fileIdentity, long rows, long skipped, long bad, List<BadLine> badLines,
                         Position next) {

        /** Keeps the list as it was. */
        public Result {
            badLines = List.copyOf(badLines);
        }
    }
}
