package org.lantern.server.incidents;

/** How a record was looked at, for the {@link RecordAccessLog}. */
public enum Channel {
    /** The record's own page. */
    PAGE,
    /** The REST API. */
    API,
    /** A line in the incidents list. */
    LIST,
    /** Shown in a person's chronology on screen. */
    CHRONOLOGY,
    /** Shown in a person's chronology printed. */
    PRINT,
    /** A copy of the record in an export of a person's data (subject access). */
    EXPORT
}
