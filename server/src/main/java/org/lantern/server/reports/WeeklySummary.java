package org.lantern.server.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the DSL needs to see each week: new incidents, actions overdue or due soon, who holds the
 * open actions, and unblock requests waiting for a decision. Each line links to its record.
 *
 * @param from                 the first day covered (seven days before {@code to}'s end)
 * @param to                   today
 * @param newByCategory        incidents recorded in the period, counted by category
 * @param newIncidents         those incidents, newest first
 * @param overdue              open actions past their due date, oldest first
 * @param dueSoon              open actions due today or within {@link WeeklySummaries#DUE_SOON_DAYS} days
 * @param openByOwner          open actions counted by the role that owns them
 * @param pendingUnblocks      unblock requests waiting for an approver, oldest first
 */
public record WeeklySummary(LocalDate from, LocalDate to, List<CategoryCount> newByCategory,
                            List<IncidentLine> newIncidents, List<ActionLine> overdue, List<ActionLine> dueSoon,
                            List<OwnerCount> openByOwner, List<UnblockLine> pendingUnblocks) {

    /** How many incidents of one category were recorded. */
    public record CategoryCount(String subjectType, String category, long count) {
    }

    /** A new incident: what and when, with its id for the link. */
    public record IncidentLine(long incidentId, String subjectType, String category, OffsetDateTime occurredAt,
                               OffsetDateTime recordedAt, long openActions) {
    }

    /** An open action and the incident it belongs to. */
    public record ActionLine(long incidentId, long actionId, String action, String ownerRole, LocalDate dueOn,
                             String category) {
    }

    /** How many open actions a role owns. */
    public record OwnerCount(String ownerRole, long count) {
    }

    /** A pending unblock request. */
    public record UnblockLine(long requestId, String target, String requestedBy, Instant requestedAt, Instant until) {
    }

    /** Whether there is nothing at all to report. */
    public boolean quiet() {
        return newIncidents.isEmpty() && overdue.isEmpty() && dueSoon.isEmpty() && pendingUnblocks.isEmpty();
    }
}
