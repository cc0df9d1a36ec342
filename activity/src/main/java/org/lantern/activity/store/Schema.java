package org.lantern.activity.store;

import java.util.List;

/**
 * The store's tables, in plain SQL, and the version number that says which layout a file has.
 *
 * <p>Rows keep their URL as a number into {@code activity_urls}: a school's traffic repeats the
 * same URLs all day, and a row group of 122,880 requests drawn from 180,000 distinct URLs holds
 * too many of them for DuckDB's per-segment dictionary to help, so the URL text would cost about
 * 20 bytes a request on its own (an estimate: FSST roughly halves 44-character URLs). Host and
 * domain are functions of the URL and go with it. Every other column is small and repetitive,
 * which DuckDB's dictionary, RLE and bit-packing compress on their own (15.7 bytes a request in
 * all at 30 days of a million a day, see docs/benchmarks.md).
 *
 * <p>The URL numbers are a primary key so that a page of rows fetches its hundred URLs by index
 * (measured on a busy machine: 40 ms instead of 300 ms scanning 180,000 URLs), which cost between
 * 7 (index built at once) and 36 (built as URLs arrived) bytes a distinct URL in the measurements.
 * No index is declared on {@code activity}: an ART index would cost more bytes per row than the
 * row, and DuckDB's per-row-group min/max on {@code time} already skips what a time range or a
 * cursor excludes, because rows arrive roughly in time order, and {@link DayCompaction} keeps each
 * closed day's row groups about an hour wide.
 */
final class Schema {

    /** The layout this code writes; a file with a larger number was written by a newer Lantern. */
    static final int VERSION = 3;

    /** How far each source (a log file, by its identity) is stored; written with the rows it ends. */
    private static final String SOURCES = "CREATE TABLE activity_sources (source VARCHAR(160) PRIMARY KEY,"
            + " end_offset BIGINT NOT NULL, end_line BIGINT NOT NULL, stored_at TIMESTAMP NOT NULL)";

    /** The closed days {@link DayCompaction} has rewritten, with their row count then. */
    private static final String COMPACTED = "CREATE TABLE activity_compacted (day DATE PRIMARY KEY,"
            + " row_count BIGINT NOT NULL, compacted_at TIMESTAMP NOT NULL)";

    static final List<String> CREATE = List.of(
            "CREATE TABLE activity_schema (version INTEGER NOT NULL)",
            "CREATE TABLE activity_batches (batch_id VARCHAR(200) PRIMARY KEY, stored_at TIMESTAMP NOT NULL)",
            SOURCES,
            COMPACTED,
            "CREATE TABLE activity_urls (url_id BIGINT PRIMARY KEY, url VARCHAR NOT NULL, host VARCHAR NOT NULL,"
                    + " domain VARCHAR)",
            "CREATE TABLE activity (id BIGINT NOT NULL, time TIMESTAMP NOT NULL, person_id BIGINT,"
                    + " user_name VARCHAR, group_id VARCHAR, year_group VARCHAR, client_ip VARCHAR, device VARCHAR,"
                    + " method VARCHAR NOT NULL, url_id BIGINT NOT NULL, category VARCHAR, activity VARCHAR,"
                    + " action VARCHAR NOT NULL, rule VARCHAR, policy_version BIGINT, search_term VARCHAR,"
                    + " bypass BOOLEAN NOT NULL, status INTEGER, bytes BIGINT, source VARCHAR NOT NULL)",
            "INSERT INTO activity_schema VALUES (" + VERSION + ")");

    /** Brings a version 1 file (no source positions) to this version. */
    static final List<String> FROM_1 = List.of(SOURCES, COMPACTED, "UPDATE activity_schema SET version = " + VERSION);

    /** Brings a version 2 file (no compacted days) to this version; its days are compacted as they come due. */
    static final List<String> FROM_2 = List.of(COMPACTED, "UPDATE activity_schema SET version = " + VERSION);

    private Schema() {
    }
}
