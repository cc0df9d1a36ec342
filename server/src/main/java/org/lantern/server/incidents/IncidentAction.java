package org.lantern.server.incidents;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A tracked action on an incident: a column of the school's table or a step of a safeguarding
 * concern (brought by the category, or added by the DSL with a reason), the person it concerns,
 * who owns it, when it is due and how it ended.
 *
 * @param id          the action's id
 * @param columnId    the table column's id, e.g. {@code refer-to-dsl}
 * @param columnText  the column header as published
 * @param ownerRole   the role that owns it (the DSL's team works every action in this slice)
 * @param dueOn       the school date it is due
 * @param status      open, done, waived or decided not to refer
 * @param addedReason why the DSL added it (or why escalation did); null when the table ticked it
 * @param outcome     what was done (DONE), why it was waived (WAIVED) or why the DSL decided not
 *                    to refer (NOT_REFERRED)
 * @param closedBy    who closed it
 * @param closedAt    when
 * @param createdAt   when it was created (school time zone)
 * @param personId    the person it concerns (a misuser for a sanction, a child at risk for their
 *                    support); null for a step of the record as a whole
 * @param personName  that person's display name; null with no person
 */
public record IncidentAction(long id, String columnId, String columnText, String ownerRole, LocalDate dueOn,
                             ActionStatus status, String addedReason, String outcome, String closedBy,
                             OffsetDateTime closedAt, OffsetDateTime createdAt, Long personId,
                             String personName) {
}
