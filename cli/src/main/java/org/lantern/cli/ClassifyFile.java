package org.lantern.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.match.ClassificationJson;
import org.lantern.monitor.match.PhraseMatcher;

/**
 * {@code lantern classify --file}: one JSON line out per line in, in the same order. Chunks of
 * lines ({@link LineChunks}) are classified on every core while the next are read, and written in
 * order, each with one write and one flush at the end; a text in which nothing is found gets its
 * JSON without a classification being built ({@link PhraseMatcher#findsNothing}). Issue 17 asks
 * this to be as fast as {@code grep -F -i -f} of the libraries over the same file
 * ({@code bench/monitor-vs-grep.sh}); reading a byte at a time, a classification and its
 * explanation per text, and one core were most of the time there. Memory stays bounded: a few
 * chunks per core are in flight.
 */
final class ClassifyFile {

    private final PhraseMatcher matcher;
    private final AgeBand band;
    private final String source;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Progress progress;

    /**
     * @param source   how an error names the input ("standard input", or the file)
     * @param progress where to say how far it got, or null
     */
    ClassifyFile(PhraseMatcher matcher, AgeBand band, String source, PrintWriter out, PrintWriter err, Progress progress) {
        this.matcher = matcher;
        this.band = band;
        this.source = source;
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    /**
     * @param in one text a line
     * @return the number of lines classified
     * @throws IOException if reading fails
     */
    long classify(InputStream in) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService workers = Executors.newFixedThreadPool(cores, Thread.ofPlatform().daemon()
                .name("lantern-classify-", 1).factory());
        try {
            LineChunks chunks = new LineChunks(in, PhraseMatcher.MAX_CHARS * 3);
            ArrayDeque<Future<Output>> inFlight = new ArrayDeque<>();
            long lines = 0;
            for (LineChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                LineChunks.Chunk next = chunk;
                inFlight.add(workers.submit(() -> classify(next)));
                if (inFlight.size() > 2 * cores) {
                    lines += write(inFlight.poll());
                }
            }
            while (!inFlight.isEmpty()) {
                lines += write(inFlight.poll());
            }
            out.flush();
            if (progress != null) {
                progress.classified(lines, true);
            }
            return lines;
        } finally {
            workers.shutdownNow();
        }
    }

    private long write(Future<Output> pending) throws IOException {
        Output output;
        try {
            output = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
        for (long line : output.invalidLines) {
            err.println(notUtf8(line, source));
        }
        if (!output.invalidLines.isEmpty()) {
            err.flush();
        }
        out.write(output.json);
        if (progress != null) {
            progress.classified(output.lastLine, false);
        }
        return output.lines;
    }

    private Output classify(LineChunks.Chunk chunk) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Long> invalid = new ArrayList<>(0);
        StringBuilder json = new StringBuilder(chunk.length + chunk.lines * 64);
        String newline = System.lineSeparator();
        for (int i = 0; i < chunk.lines; i++) {
            String text = text(chunk, i, strict, invalid);
            if (matcher.findsNothing(text)) {
                ClassificationJson.appendNothingFound(json, text);
            } else {
                ClassificationJson.append(json, matcher.classify(text, band));
            }
            json.append(newline);
        }
        return new Output(json.toString(), chunk.lines, chunk.firstLine + chunk.lines - 1, invalid);
    }

    /**
     * @param strict  a decoder that reports what is not UTF-8
     * @param invalid where the line's number goes when it is not valid UTF-8
     * @return line {@code i} of the chunk as text: one bad line must not stop a long run, so one
     *         that is not valid UTF-8 is read as the matcher would, with replacement characters
     */
    static String text(LineChunks.Chunk chunk, int i, CharsetDecoder strict, List<Long> invalid) {
        int start = chunk.starts[i];
        int length = chunk.ends[i] - start;
        if (ascii(chunk.bytes, start, length)) {
            return new String(chunk.bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        ByteBuffer line = ByteBuffer.wrap(chunk.bytes, start, length);
        try {
            return strict.decode(line.duplicate()).toString();
        } catch (CharacterCodingException e) {
            invalid.add(chunk.firstLine + i);
            return StandardCharsets.UTF_8.decode(line).toString();
        }
    }

    /** @return the warning for a line that is not valid UTF-8 */
    static String notUtf8(long line, String source) {
        return "lantern classify: line " + line + " of " + source + " is not valid UTF-8; classified with replacement characters";
    }

    /** ASCII is decoded by copying: most texts are, and it is the same as decoding them as UTF-8. */
    private static boolean ascii(byte[] bytes, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** A chunk's JSON lines, and the lines of it that were not valid UTF-8. */
    private record Output(String json, int lines, long lastLine, List<Long> invalidLines) {
    }
}
