package org.lantern.server.incidents;

import java.time.OffsetDateTime;

/**
 * One line of a person's chronology.
 *
 * @param at              when it happened
 * @param type            what kind of event, e.g. "Incident", "Action completed", "Decided not to refer"
 * @param summary         one line saying what, e.g. the category or the action
 * @param detail          the outcome, reason or account in full; null if none
 * @param by              who did it; null if nobody in particular
 * @param recordType      the record it comes from, for the access log, e.g. {@code incident}
 * @param recordId        that record's id
 * @param href            the record's page, or null
 * @param childProtection whether it comes from a child-protection record
 */
public record ChronologyEntry(OffsetDateTime at, String type, String summary, String detail, String by,
                              String recordType, long recordId, String href, boolean childProtection) {
}
