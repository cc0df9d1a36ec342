package org.lantern.proxy.helper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-terminated lines as bytes with a hard length cap: a line longer than the cap is
 * returned truncated and flagged, and the rest of it is skipped without being stored, so one
 * 100 KB (or endless) line costs no memory and cannot stall the helper. Hand-written rather than
 * {@code BufferedReader} because that decodes leniently (hiding invalid UTF-8) and buffers a whole
 * line however long it is. Not thread-safe: one reader thread.
 */
final class LineReader {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private final byte[] line;
    private int lineLength;
    private boolean truncated;

    /**
     * @param in the input
     * @param maxLineBytes the longest line kept
     */
    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.line = new byte[maxLineBytes];
    }

    /**
     * @return whether a line was read; false at end of input (a final line without newline is
     *     still returned)
     * @throws IOException if reading fails
     */
    boolean next() throws IOException {
        lineLength = 0;
        truncated = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++;
                return true;
            }
        }
    }

    private void append(int from, int to) {
        int n = to - from;
        int room = line.length - lineLength;
        if (n > room) {
            truncated = true;
            n = room;
        }
        System.arraycopy(buffer, from, line, lineLength, n);
        lineLength += n;
    }

    /** @return the bytes of the current line (without newline, up to the cap), as a copy */
    byte[] bytes() {
        int end = lineLength;
        if (!truncated && end > 0 && line[end - 1] == '\r') {
            end--;
        }
        return Arrays.copyOf(line, end);
    }

    /** @return whether the current line was longer than the cap */
    boolean truncated() {
        return truncated;
    }

    /**
     * @return whether more input can be read without blocking, i.e. whether the writer may hold
     *     replies back a little longer without Squid waiting on them
     */
    boolean moreInputReady() {
        if (position < limit) {
            return true;
        }
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
