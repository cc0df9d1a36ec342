package org.lantern.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The activity log's storage, kept small and in portable SQL so that a trust can later put the
 * same log on a shared analytical engine: everything that reads or writes the log goes through
 * here, and nothing reads the decision-log files directly.
 *
 * <p>Ingest is exactly once: every batch carries an id (a shipper's batch id, or a file's identity
 * and byte range) stored in the same transaction as its rows, so a batch sent twice, or resent
 * after a crash, is stored once. A source read by position (a log file) has more: the store keeps,
 * in the same transaction as the rows, how far into the source it has stored, and is the only
 * keeper of that position. A reader resumes from {@link #resumeFrom}, never from an offset it kept
 * itself, and a batch overlapping what is stored is never stored again, however its range was cut.
 */
public interface ActivityStore extends AutoCloseable {

    /**
     * Stores a batch of rows, all or none.
     *
     * @param batchId identifies the batch across retries; at most 200 characters
     * @param rows the rows
     * @return whether the rows were stored now ({@code false}: that batch id was stored before)
     */
    boolean append(String batchId, List<ActivityRow> rows);

    /**
     * Stores the rows read from one stretch of a source, all or none, with the position the source
     * has then been stored up to. The stretches of one source must follow each other: this one
     * starts where the last one stored ended ({@link #resumeFrom}), or at 0 for a new source.
     *
     * <p>A stretch that ends at or before the stored position was stored before (a re-read after a
     * crash) and is skipped. A stretch that starts anywhere else is refused rather than trimmed:
     * the store cannot tell which of its rows came from which bytes, so it could neither keep the
     * new part alone nor know that a gap held no rows; the caller reads again from
     * {@link #resumeFrom}. An empty {@code rows} only moves the position on (a stretch of bad or
     * blank lines, which is then not read again).
     *
     * @param source the source's identity, e.g. a log file's {@code FileIdentity}; at most 160 characters
     * @param start the offset the stretch starts at
     * @param end where the stretch ends: the offset after its last byte and the number of the line there
     * @param rows the rows read from the stretch
     * @return whether the rows were stored now ({@code false}: the stretch was stored before)
     * @throws IllegalStateException if the stretch starts before or after the stored position but ends after it
     */
    boolean append(String source, long start, SourcePosition end, List<ActivityRow> rows);

    /**
     * @param source a source's identity
     * @return where to read that source from next: the end of the last stretch stored, or empty
     *     for a source nothing was stored from (read it from its start)
     */
    Optional<SourcePosition> resumeFrom(String source);

    /**
     * @param batchId a batch id
     * @return whether that batch has been stored
     */
    boolean contains(String batchId);

    /**
     * Rows matching a query, newest first, one page at a time.
     *
     * @param query what to match
     * @param after the cursor of the previous page's last row, or {@code null} for the first page
     * @param limit the page size
     * @return the page, with a cursor for the next one when there may be more
     */
    ActivityPage search(ActivityQuery query, String after, int limit);

    /**
     * @param query what to count
     * @return how many rows match
     */
    long count(ActivityQuery query);

    /**
     * Requests per hour, for a timeline chart.
     *
     * @param query what to count
     * @return one count per hour that has any, oldest first
     */
    List<Count> perHour(ActivityQuery query);

    /**
     * The domains requested most.
     *
     * @param query what to count
     * @param n how many
     * @return the domains with their request counts, most first
     */
    List<Count> topDomains(ActivityQuery query, int n);

    /**
     * The categories blocked most.
     *
     * @param query what to count
     * @param n how many
     * @return the categories with their block counts, most first
     */
    List<Count> topBlockedCategories(ActivityQuery query, int n);

    /**
     * Deletes whole days, keeping the rows of people under a legal hold.
     *
     * @param firstKeptDay the first day (UTC) to keep
     * @param heldPersonIds people whose rows are kept whatever their age
     * @return the rows deleted
     */
    long deleteBefore(LocalDate firstKeptDay, Set<Long> heldPersonIds);

    /**
     * Rewrites each closed day (before {@code today}, UTC) that has changed since it was last
     * rewritten in the order this store reads fastest: a layout change only, each day in one
     * transaction, so that a crash leaves it as it was and no row is added, lost or changed.
     * Meant for the background after a day closes; appends wait while a day is rewritten.
     *
     * @param today the first day still open
     * @return the days rewritten, oldest first
     */
    List<LocalDate> compactClosedDays(LocalDate today);

    /** @return the number of rows stored */
    long size();

    /**
     * A page of rows.
     *
     * @param rows the rows, newest first
     * @param next the cursor for the next page, or {@code null} at the end
     */
    record ActivityPage(List<ActivityRow> rows, String next) {
        public ActivityPage {
            rows = List.copyOf(rows);
        }
    }

    /**
     * How far into a source its rows are stored.
     *
     * @param offset the byte offset after the last byte read, at the start of a line
     * @param line the number of the line starting there, counting from 1
     */
    record SourcePosition(long offset, long line) {
        /** Rejects impossible positions. */
        public SourcePosition {
            if (offset < 0 || line < 1) {
                throw new IllegalArgumentException("offset must be >= 0 and line >= 1");
            }
        }
    }

    /**
     * A count by key: an hour (ISO instant), a domain or a category.
     *
     * @param key what was counted
     * @param count how many
     */
    record Count(String key, long count) {
    }

    /**
     * What a search matches; every {@code null} field matches everything.
     *
     * @param from the earliest time, inclusive
     * @param to the latest time, exclusive
     * @param personId one person
     * @param user a user name, exactly
     * @param groupId a filter group
     * @param yearGroup a year group
     * @param clientIp a client address, exactly
     * @param device a device, exactly
     * @param text text in the host or URL, case-insensitive
     * @param category a category
     * @param action an action ({@code ALLOW}, {@code BLOCK})
     * @param searchText text in the search term, case-insensitive
     */
    record ActivityQuery(Instant from, Instant to, Long personId, String user, String groupId, String yearGroup,
                         String clientIp, String device, String text, String category, String action,
                         String searchText) {

        /** @return a query matching every row */
        public static ActivityQuery all() {
            return new ActivityQuery(null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    @Override
    void close();
}
