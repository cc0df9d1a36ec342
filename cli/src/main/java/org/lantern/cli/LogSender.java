package org.lantern.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.lantern.activity.ingest.FileIdentity;

/**
 * Sends one log file to the server's activity log, a stretch of whole lines at a time, from where
 * the server says the file got to, so a file sent twice, or again after a crash or a network
 * failure, is stored once: the server keeps the position with the rows, and this keeps none.
 *
 * <p>The file is named by its {@link FileIdentity} and read through one open handle, so following
 * it survives rotation: when a new file appears under the path (renamed away, or truncated by
 * {@code copytruncate}), the rest of the old one is sent through the handle first, then the new
 * file from its start.
 */
final class LogSender {

    /** The most sent in one request: well under the server's default limit of 8 MiB. */
    static final int CHUNK_BYTES = 4 * 1024 * 1024;

    private final IngestClient client;
    private final String format;
    private final Listener listener;
    private final byte[] chunk = new byte[CHUNK_BYTES];

    /** Hears what the server did with each stretch. */
    interface Listener {
        /** A stretch of {@code file} was answered; {@code sentTo} is how far into it the server has got. */
        void sent(Path file, IngestClient.Sent sent, long sentTo, long size);

        /** The server already held {@code file} up to {@code line} when sending began. */
        void resumed(Path file, IngestClient.Position at);
    }

    LogSender(IngestClient client, String format, Listener listener) {
        this.client = Objects.requireNonNull(client);
        this.format = Objects.requireNonNull(format);
        this.listener = Objects.requireNonNull(listener);
    }

    /**
     * Sends what the file holds beyond what the server has of it.
     *
     * @param file the log file
     * @param following while true, waits for more lines and for rotation instead of returning at the end
     * @throws IOException when the file cannot be read
     * @throws IngestClient.Unreachable when the server cannot be reached; run it again to go on
     */
    void send(Path file, BooleanSupplier following) throws IOException, IngestClient.Unreachable, InterruptedException {
        while (true) {
            String identity = waitForFirstLine(file, following);
            if (identity == null) {
                return;
            }
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                // The handle is the file named by identity only if nothing replaced it in between.
                if (!identity.equals(FileIdentity.of(file))) {
                    continue;
                }
                IngestClient.Position at = client.position(identity);
                if (at.offset() > 0) {
                    listener.resumed(file, at);
                }
                while (true) {
                    at = sendAvailable(file, identity, in, at);
                    if (!following.getAsBoolean()) {
                        return;
                    }
                    if (replaced(file, identity, at)) {
                        // The rest of the old file came through the handle just now; the new one is next.
                        at = sendAvailable(file, identity, in, at);
                        break;
                    }
                    Thread.sleep(1000);
                }
            }
        }
    }

    /** Sends every complete line from {@code at} to the end of what the handle holds now. */
    private IngestClient.Position sendAvailable(Path file, String identity, FileChannel in, IngestClient.Position at)
            throws IOException, IngestClient.Unreachable {
        while (true) {
            int length = readChunk(in, at.offset());
            int whole = lastNewline(length) + 1;
            long overlong = 0;
            if (whole == 0) {
                overlong = length == CHUNK_BYTES ? lineLength(in, at.offset()) : 0;
                if (overlong == 0) {
                    // Nothing more yet, or a last line still being written.
                    return at;
                }
            }
            try {
                IngestClient.Sent sent = overlong > 0
                        ? client.passOver(format, identity, at, overlong)
                        : client.send(format, identity, at, chunk, whole);
                listener.sent(file, sent, sent.next().offset(), in.size());
                if (sent.next().offset() <= at.offset()) {
                    return at;
                }
                at = sent.next();
            } catch (IngestClient.OutOfPlace e) {
                // Another sender of the same file got further meanwhile: go on from where it got to.
                at = e.position();
            }
        }
    }

    private int readChunk(FileChannel in, long offset) throws IOException {
        ByteBuffer into = ByteBuffer.wrap(chunk);
        while (into.hasRemaining() && in.read(into, offset + into.position()) >= 0) {
            // fill what the file holds, up to a chunk
        }
        return into.position();
    }

    /**
     * The length, newline included, of the line at {@code offset}, found a chunk at a time; 0 when
     * the file holds no newline after it yet.
     */
    private long lineLength(FileChannel in, long offset) throws IOException {
        for (long from = offset; ; from += CHUNK_BYTES) {
            int length = readChunk(in, from);
            for (int i = 0; i < length; i++) {
                if (chunk[i] == '\n') {
                    return from + i - offset + 1;
                }
            }
            if (length < CHUNK_BYTES) {
                return 0;
            }
        }
    }

    private int lastNewline(int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The file's identity once it has a complete first line, or {@code null} when not following and it has none. */
    private static String waitForFirstLine(Path file, BooleanSupplier following) throws IOException, InterruptedException {
        while (true) {
            String identity;
            try {
                identity = FileIdentity.of(file);
            } catch (NoSuchFileException e) {
                // Between a rotation's rename and the new file's creation, or not there yet.
                if (!following.getAsBoolean()) {
                    throw e;
                }
                identity = null;
            }
            if (identity != null || !following.getAsBoolean()) {
                return identity;
            }
            Thread.sleep(1000);
        }
    }

    /** Whether another file now has the path: a new file after rotation, or this one truncated. */
    private static boolean replaced(Path file, String identity, IngestClient.Position at) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        if (Files.size(file) < at.offset()) {
            return true;
        }
        String now = FileIdentity.of(file);
        return now != null && !now.equals(identity);
    }
}
