package org.lantern.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream of one text a line into chunks of lines, read in blocks rather than a byte at a
 * time, so a chunk can be classified on any core while the next is read. Lines end at {@code \n},
 * a {@code \r} before it dropped; each line is kept up to {@code maxLineBytes} and the rest of it
 * skipped, so one huge line cannot exhaust memory. Not thread-safe: one reader.
 */
final class LineChunks {

    /**
     * Lines in a chunk at most: enough that handing a chunk to a core costs little per line, few
     * enough that a chunk's JSON of search-sized texts stays below the size G1 treats as huge.
     */
    static final int LINES = 2048;
    /** Bytes after which a chunk ends early, so chunks of long texts stay small. */
    private static final int BYTES = 1 << 20;
    private static final int BLOCK = 1 << 16;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] block = new byte[BLOCK];
    private int blockStart;
    private int blockEnd;
    private boolean eof;
    private long linesRead;

    LineChunks(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** @return the next chunk of lines, or null once the stream is read through */
    Chunk next() throws IOException {
        Chunk chunk = new Chunk(linesRead + 1);
        while (chunk.lines < LINES && chunk.length < BYTES) {
            if (!readLine(chunk)) {
                break;
            }
        }
        linesRead += chunk.lines;
        return chunk.lines == 0 ? null : chunk;
    }

    /** Appends the next line to the chunk; false at the end of the stream with no line left. */
    private boolean readLine(Chunk chunk) throws IOException {
        if (blockStart == blockEnd && !fill()) {
            return false;
        }
        int start = chunk.length;
        int kept = 0;
        while (true) {
            int newline = indexOfNewline(block, blockStart, blockEnd);
            int end = newline < 0 ? blockEnd : newline;
            int keep = Math.min(end - blockStart, maxLineBytes - kept);
            chunk.append(block, blockStart, keep);
            kept += keep;
            if (newline >= 0) {
                blockStart = newline + 1;
                break;
            }
            blockStart = blockEnd;
            if (!fill()) {
                break;
            }
        }
        if (kept > 0 && chunk.bytes[chunk.length - 1] == '\r') {
            chunk.length--;
        }
        chunk.endLine(start);
        return true;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.readNBytes(block, 0, BLOCK);
        blockStart = 0;
        blockEnd = n;
        eof = n < BLOCK;
        return n > 0;
    }

    private static int indexOfNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Consecutive lines of the input, as bytes, with the number of the first. */
    static final class Chunk {
        final long firstLine;
        byte[] bytes = new byte[1 << 14];
        int length;
        int[] starts = new int[64];
        int[] ends = new int[64];
        int lines;

        Chunk(long firstLine) {
            this.firstLine = firstLine;
        }

        private void append(byte[] from, int offset, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
            }
            System.arraycopy(from, offset, bytes, length, count);
            length += count;
        }

        private void endLine(int start) {
            if (lines == starts.length) {
                starts = Arrays.copyOf(starts, lines * 2);
                ends = Arrays.copyOf(ends, lines * 2);
            }
            starts[lines] = start;
            ends[lines] = length;
            lines++;
        }
    }
}
