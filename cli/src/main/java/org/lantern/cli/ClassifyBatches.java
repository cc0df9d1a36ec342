package org.lantern.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.server.monitoring.ClassifyLimits;

/**
 * {@code lantern classify --server URL --file FILE}: the file streamed to the server in batches
 * as large as one request may be ({@link ClassifyLimits}: texts, characters and bytes), one JSON
 * line out per line in, in the same order, each batch written as soon as it is answered, so memory
 * stays bounded however long the file. Lines are read as the local mode reads them
 * ({@link ClassifyFile#text}); a line longer than a request may carry is classified by its
 * beginning, and the line's number said on stderr.
 */
final class ClassifyBatches {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Room in a request's body for what surrounds the texts: {"texts":[...],"ageBand":"post16"}. */
    private static final int ENVELOPE_BYTES = 64;

    private final ClassifyClient client;
    private final AgeBand band;
    private final String source;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Progress progress;
    private final List<String> batch = new ArrayList<>();
    private long batchChars;
    private long batchBytes = ENVELOPE_BYTES;
    private long written;

    /**
     * @param source   how an error names the input ("standard input", or the file)
     * @param progress where to say how far it got, or null
     */
    ClassifyBatches(ClassifyClient client, AgeBand band, String source, PrintWriter out, PrintWriter err,
                    Progress progress) {
        this.client = client;
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
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        LineChunks chunks = new LineChunks(in, PhraseMatcher.MAX_CHARS * 3);
        List<Long> invalid = new ArrayList<>();
        for (LineChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
            for (int i = 0; i < chunk.lines; i++) {
                String text = ClassifyFile.text(chunk, i, strict, invalid);
                for (long line : invalid) {
                    err.println(ClassifyFile.notUtf8(line, source));
                    err.flush();
                }
                invalid.clear();
                add(clipped(text, chunk.firstLine + i));
            }
        }
        send();
        out.flush();
        if (progress != null) {
            progress.classified(written, true);
        }
        return written;
    }

    /** A text as long as one request may carry, at most; a longer one by its beginning, said on stderr. */
    private String clipped(String text, long line) {
        int max = ClassifyLimits.MAX_CHARS;
        if (text.length() <= max && bytes(text) + ENVELOPE_BYTES <= ClassifyLimits.MAX_BODY_BYTES) {
            return text;
        }
        // escaped, a character takes at most six bytes in the body
        int keep = Math.min(max, (ClassifyLimits.MAX_BODY_BYTES - ENVELOPE_BYTES) / 6);
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        err.println("lantern classify: line " + line + " of " + source + " is longer than the server reads in one "
                + "request; its first " + keep + " characters were classified");
        err.flush();
        return text.substring(0, keep);
    }

    private void add(String text) {
        long bytes = bytes(text) + 1;
        if (batch.size() == ClassifyLimits.MAX_TEXTS || batchChars + text.length() > ClassifyLimits.MAX_CHARS
                || batchBytes + bytes > ClassifyLimits.MAX_BODY_BYTES) {
            send();
        }
        batch.add(text);
        batchChars += text.length();
        batchBytes += bytes;
    }

    private void send() {
        if (batch.isEmpty()) {
            return;
        }
        for (String json : client.classify(batch, band)) {
            out.println(json);
        }
        out.flush();
        written += batch.size();
        if (progress != null) {
            progress.classified(written, false);
        }
        batch.clear();
        batchChars = 0;
        batchBytes = ENVELOPE_BYTES;
    }

    /** The bytes a text takes in the request's JSON, quotes and escapes included. */
    private static long bytes(String text) {
        try {
            return JSON.writeValueAsBytes(text).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
