package org.lantern.activity.ingest;

import org.lantern.activity.ActivityRow;

/**
 * Turns one log line into an activity row, reading the bytes in place so that a reader can hand
 * it lines straight from its buffer. Implementations may keep caches and are then not
 * thread-safe: one per reader.
 */
public interface LineParser {

    /** @return the {@link ActivityRow#source()} of the rows this parser makes */
    String source();

    /**
     * @param line the buffer holding the line
     * @param from the line's first byte
     * @param to the index after its last byte (the newline and any carriage return excluded)
     * @param ascii whether every byte of the line is below 0x80; when not, the reader has checked
     *     that the line is valid UTF-8
     * @return the row, or {@code null} for a well-formed line that records no web request
     * @throws BadLineException when the line is not a record this parser reads
     */
    ActivityRow parse(byte[] line, int from, int to, boolean ascii) throws BadLineException;
}
