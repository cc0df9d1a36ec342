package org.lantern.server.incidents;

import java.time.OffsetDateTime;

/**
 * One change to a case, as its history shows it.
 *
 * @param at       when (school time zone)
 * @param actor    who made it
 * @param kind     what changed
 * @param actionId the action whose owner changed, for {@link Kind#ACTION_OWNER}; null otherwise
 * @param from     what it was, as shown (e.g. "Open", a username); null for nothing
 * @param to       what it became; null for nothing
 * @param note     the outcome on closing, the reason on reopening, the steps a category brought, or a note;
 *                 null if none
 */
public record CaseEvent(OffsetDateTime at, String actor, Kind kind, Long actionId, String from, String to, String note) {

    /** What a change was to. */
    public enum Kind {
        STATUS("Status"), PRIORITY("Priority"), OWNER("Owner"), REVIEW("Review date"), ACTION_OWNER("Action owner"),
        /** A pupil's report given its concern from the safeguarding list. */
        CATEGORY("Category");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
