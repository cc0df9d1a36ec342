package org.lantern.server.incidents;

import java.util.List;
import java.util.Locale;

import org.lantern.policy.Sanctions;

/**
 * A category a record can take, with the actions it brings: a concern of the policy's safeguarding
 * list (its steps, for the record or for each child at risk), or a row of the school's Actions /
 * Sanctions table (its ticked columns, for each misuser).
 *
 * @param type            concern or misuse
 * @param subject         for misuse, whose table the row is from; for a concern, {@link SubjectType#PUPIL}
 *                        (a concern is about a child)
 * @param id              the concern's or row's stable id
 * @param text            its text as published
 * @param group           the heading a concern is listed under; null for a table row
 * @param guidance        the guidance a concern's steps follow; null for a table row
 * @param illegalMaterial whether records of it follow the illegal-material path
 * @param actions         what it brings, in order
 */
public record IncidentCategory(IncidentType type, SubjectType subject, String id, String text, String group,
                               String guidance, boolean illegalMaterial, List<Step> actions) {
    public IncidentCategory {
        actions = List.copyOf(actions);
    }

    /** A row of an Actions / Sanctions table: its ticked columns apply to each misuser. */
    static IncidentCategory misuse(SubjectType subject, String id, String text, List<Step> columns) {
        boolean illegal = columns.stream().anyMatch(c -> c.id().equals(Sanctions.REFER_TO_POLICE))
                || text.toLowerCase(Locale.ROOT).contains("illegal");
        return new IncidentCategory(IncidentType.MISUSE, subject, id, text, null, null, illegal, columns);
    }

    /**
     * An action a category brings.
     *
     * @param id        the step's or column's id, e.g. {@code refer-to-dsl}
     * @param text      what to do, as published
     * @param appliesTo whose action it is: {@link PersonRole#MISUSER} for a sanction (one for each
     *                  misuser), {@link PersonRole#AT_RISK} for a step for each child at risk, null
     *                  for a step of the record as a whole
     */
    public record Step(String id, String text, PersonRole appliesTo) {
    }

    /**
     * Whether records of this category follow the illegal-material path: a row that ticks "Refer to
     * Police" or is about material that could be illegal (seed 002's staff table does not tick the
     * police for that row, yet its "Illegal Incidents" flow says to report to the police), or a
     * concern the safeguarding list marks so (indecent images of under-18s).
     */
    public boolean concernsIllegalMaterial() {
        return illegalMaterial;
    }

    /** Whether this is the table's "Continued infringements" row. */
    public boolean continuedInfringements() {
        return type == IncidentType.MISUSE && (id.equals("continued-infringements")
                || text.toLowerCase(Locale.ROOT).startsWith("continued infringement"));
    }
}
