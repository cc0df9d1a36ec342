package org.lantern.activity.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.SourcePosition;

/**
 * Brings one log file into the activity store, exactly once however often it is run and wherever
 * the last run died: it asks the store where the file got to, reads on from there, and stores
 * each batch with the position it ends at, in one transaction. Nothing else keeps an offset, so
 * there is no saved offset to fall behind the store after a crash (a re-read from an older offset
 * would cut its batches differently and store rows twice).
 *
 * <p>The file is known by its {@link FileIdentity}, so a rotated file (renamed, with a new file at
 * the same path) is a new source read from its start, while the old one keeps its position and is
 * read on from there if it is given by its new name. Run it again and again on a growing file: a
 * half-written last line is left for the next run. Not thread-safe (its reader is not); run one
 * per file.
 */
public final class LogIngest {

    private final ActivityStore store;
    private final LogReader reader;

    /**
     * @param store where the rows go, and where each file's position is kept
     * @param reader reads the file's format
     */
    public LogIngest(ActivityStore store, LogReader reader) {
        this.store = Objects.requireNonNull(store, "store");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * Stores what the file holds beyond what is stored of it.
     *
     * @param file the log file
     * @return what was read and stored
     * @throws IOException when the file cannot be read
     * @throws IllegalStateException when the store refuses a batch because another ingest of the
     *     same file stored past it meanwhile; nothing is lost, run it again
     */
    public Report ingest(Path file) throws IOException {
        String identity = FileIdentity.of(file);
        if (identity == null) {
            return new Report(null, LogReader.Position.START, LogReader.Position.START, 0, 0, 0, 0, List.of());
        }
        LogReader.Position from = store.resumeFrom(identity)
                .map(p -> new LogReader.Position(p.offset(), p.line()))
                .orElse(LogReader.Position.START);
        Counts counts = new Counts(from.offset());
        // The reader names the file again as it opens it; its name, not ours, goes with the rows,
        // so a file replaced in between is refused by the store rather than stored at our offset.
        LogReader.Result result = reader.read(file, from, batch -> {
            if (store.append(batch.fileIdentity(), batch.start(), new SourcePosition(batch.end(), batch.endLine()),
                    batch.rows())) {
                counts.stored += batch.rows().size();
            } else {
                counts.duplicates += batch.rows().size();
            }
            counts.end = batch.end();
        });
        if (result.fileIdentity() != null && result.next().offset() > counts.end) {
            // Lines after the last row (bad, blank or Squid's error: lines): move past them so
            // they are neither read nor reported again.
            store.append(result.fileIdentity(), counts.end,
                    new SourcePosition(result.next().offset(), result.next().line()), List.of());
        }
        return new Report(result.fileIdentity() == null ? identity : result.fileIdentity(), from, result.next(),
                counts.stored, counts.duplicates, result.skipped(), result.bad(), result.badLines());
    }

    /** What the read's callback adds up. */
    private static final class Counts {
        long stored;
        long duplicates;
        long end;

        Counts(long end) {
            this.end = end;
        }
    }

    /**
     * What one ingest did.
     *
     * @param fileIdentity the file's {@link FileIdentity}, or {@code null} while it has no complete line
     * @param from where reading started: where the store said the file had got to
     * @param next where the next ingest will start, now that the store has it
     * @param rowsStored rows stored now
     * @param duplicatesSkipped rows read again that were stored before (another ingest got there first)
     * @param skipped lines that record no request (blank lines, Squid's {@code error:} lines)
     * @param bad bad lines, all of them
     * @param badLines the first {@value LogReader#MAX_REPORTED_BAD_LINES} bad lines, with their numbers
     */
    public record Report(String fileIdentity, LogReader.Position from, LogReader.Position next, long rowsStored,
                         long duplicatesSkipped, long skipped, long bad, List<LogReader.BadLine> badLines) {

        /** Keeps the list as it was. */
        public Report {
            badLines = List.copyOf(badLines);
        }
    }
}
