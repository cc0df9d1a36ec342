package org.lantern.server.activity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.SourcePosition;
import org.lantern.activity.ingest.LanternDecisionLog;
import org.lantern.activity.ingest.LineParser;
import org.lantern.activity.ingest.LogReader;
import org.lantern.activity.ingest.SquidAccessLog;
import org.springframework.stereotype.Service;

/**
 * Stores stretches of log files sent from other machines (a Squid access.log, a proxy's decision
 * log), attributed, exactly once. A sender names each file by a stable identity (the CLI uses the
 * file's {@code FileIdentity}) and sends it a stretch at a time from where the store says it got
 * to; the store keeps that position in the same transaction as the rows, so a stretch sent again
 * after a lost answer is counted as duplicates and stored nothing, and a sender that restarts asks
 * {@link #position} and goes on from there. The sender keeps no state that could fall behind.
 */
@Service
public class ActivityIngest {

    /** A source's name: a file identity, perhaps with a sender's prefix; no spaces or slashes. */
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._:@+-]{1,160}");

    private final ActivityStore store;
    private final ActivityAttribution attribution;
    private final Clock clock;

    ActivityIngest(ActivityStore store, ActivityAttribution attribution) {
        this.store = store;
        this.attribution = attribution;
        this.clock = Clock.systemUTC();
    }

    /** The log formats a stretch may be in. */
    public enum Format {
        /** Squid's native access.log. */
        SQUID,
        /** Lantern's decision log, as {@code lantern icap} and {@code lantern squid-helper} write it. */
        LANTERN;

        /**
         * @param text a format's name, any case
         * @return the format
         * @throws IngestRefused for an unknown name
         */
        public static Format of(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IngestRefused("format must be squid or lantern, not '" + text + "'");
            }
        }

        LineParser parser() {
            return this == SQUID ? new SquidAccessLog() : new LanternDecisionLog();
        }
    }

    /**
     * @param source a source's name
     * @return where its next stretch starts: after what is stored, or the start for a new source
     */
    public SourcePosition position(String source) {
        return store.resumeFrom(checked(source)).orElse(new SourcePosition(0, 1));
    }

    /**
     * Stores the complete lines of one stretch. A last line with no newline is left for the next
     * stretch, which starts at {@link Result#next()}.
     *
     * @param format the stretch's format
     * @param source the source's name
     * @param start the offset in the source where the stretch starts
     * @param line the number of the line at {@code start}, for a stretch sent again from before
     *     the stored position; otherwise the store's own count is used
     * @param stretch the stretch's bytes, in a file
     * @return what was stored
     * @throws IngestRefused for a bad source name
     * @throws OutOfPlace when the stretch does not follow what is stored of the source
     * @throws IOException when the stretch cannot be read
     */
    public Result ingest(Format format, String source, long start, Long line, Path stretch) throws IOException {
        checked(source);
        Optional<SourcePosition> stored = store.resumeFrom(source);
        SourcePosition at = stored.orElse(new SourcePosition(0, 1));
        if (start < 0 || start > at.offset()) {
            throw new OutOfPlace(at);
        }
        long firstLine = start == at.offset() ? at.line() : line == null || line < 1 ? 1 : line;
        Counts counts = new Counts();
        LogReader reader = new LogReader(attribution.attributing(format.parser()), clock);
        LogReader.Result read;
        try {
            read = reader.read(stretch, new LogReader.Position(0, firstLine), batch -> {
                List<ActivityRow> rows = batch.rows();
                if (store.append(source, start + batch.start(), new SourcePosition(start + batch.end(), batch.endLine()),
                        rows)) {
                    counts.stored += rows.size();
                    counts.unattributed += rows.stream().filter(r -> r.personId() == null).count();
                } else {
                    counts.duplicates += rows.size();
                }
                counts.end = batch.end();
            });
            if (read.next().offset() > counts.end) {
                // Lines after the last row (bad, blank, Squid's error: lines): move past them so
                // they are neither read nor reported again.
                store.append(source, start + counts.end,
                        new SourcePosition(start + read.next().offset(), read.next().line()), List.of());
            }
        } catch (IllegalStateException e) {
            // Another sender of the same source stored past this stretch meanwhile.
            throw new OutOfPlace(position(source));
        }
        return new Result(counts.stored, counts.duplicates, read.bad(), read.skipped(), counts.unattributed,
                read.badLines().stream().map(b -> new BadLine(b.line(), b.reason())).toList(),
                new SourcePosition(start + read.next().offset(), read.next().line()));
    }

    /**
     * Moves a source past one line too long for a sender to send, counting it as a bad line: the
     * sender found where the line ends, and sending megabytes of what is no log line only to have
     * them refused would stop the file there for good.
     *
     * @param source the source's name
     * @param start the offset where the line starts: where the store has got to
     * @param length the line's length in bytes, its newline included
     * @return one bad line, and where the next stretch starts
     * @throws IngestRefused for a bad source name or length
     * @throws OutOfPlace when {@code start} is not where the store has got to
     */
    public Result passOver(String source, long start, long length) {
        checked(source);
        if (length < 1) {
            throw new IngestRefused("overlong must be the line's length in bytes, its newline included");
        }
        SourcePosition at = position(source);
        if (start != at.offset()) {
            throw new OutOfPlace(at);
        }
        SourcePosition next = new SourcePosition(start + length, at.line() + 1);
        try {
            store.append(source, start, next, List.of());
        } catch (IllegalStateException e) {
            throw new OutOfPlace(position(source));
        }
        return new Result(0, 0, 1, 0, 0,
                List.of(new BadLine(at.line(), "longer than a sender sends at once (" + length + " bytes): not a log line")),
                next);
    }

    private static String checked(String source) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IngestRefused("source must be 1 to 160 letters, digits and . _ : @ + - (a file's identity)");
        }
        return source;
    }

    /** What one read's batches add up to. */
    private static final class Counts {
        long stored;
        long duplicates;
        long unattributed;
        long end;
    }

    /**
     * What one stretch did.
     *
     * @param stored rows stored now
     * @param duplicates rows stored before (the stretch was sent again)
     * @param bad lines that could not be read, all of them
     * @param skipped lines that record no request (blank lines, Squid's {@code error:} lines)
     * @param unattributed rows stored now that no person could be tied to
     * @param badLines the first bad lines, with their numbers in the source
     * @param next where the source's next stretch starts
     */
    public record Result(long stored, long duplicates, long bad, long skipped, long unattributed,
                         List<BadLine> badLines, SourcePosition next) {
        /** Keeps the list as it was. */
        public Result {
            badLines = List.copyOf(badLines);
        }
    }

    /**
     * A line left out of the log.
     *
     * @param line its number in the source, counting from 1
     * @param reason why, in words
     */
    public record BadLine(long line, String reason) {
    }

    /** A stretch the sender must change: the message says how. */
    public static final class IngestRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IngestRefused(String message) {
            super(message);
        }
    }

    /** A stretch that does not start where the store has got to; the sender resumes from {@link #position()}. */
    public static final class OutOfPlace extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SourcePosition position;

        OutOfPlace(SourcePosition position) {
            super("the stretch does not follow what is stored of the source: send from offset " + position.offset()
                    + " (line " + position.line() + ")");
            this.position = position;
        }

        /** @return where the source's next stretch must start */
        public SourcePosition position() {
            return position;
        }
    }
}
