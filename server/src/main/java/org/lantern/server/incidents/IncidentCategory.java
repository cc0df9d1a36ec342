package org.lantern.server.incidents;

import java.util.List;
import java.util.Locale;

import org.lantern.policy.Column;
import org.lantern.policy.Sanctions;

/**
 * A row of the school's Actions / Sanctions table: the kind of incident, as published, and the
 * action columns ticked for it, which become the incident's tracked actions.
 *
 * @param subject whose table it is from
 * @param id      the row's stable id
 * @param text    the row text as published
 * @param actions the ticked columns, in the table's order
 */
public record IncidentCategory(SubjectType subject, String id, String text, List<Column> actions) {
    public IncidentCategory {
        actions = List.copyOf(actions);
    }

    /**
     * Whether incidents of this row follow the illegal-material path: the row ticks "Refer to
     * Police", or it is about material that could be illegal (seed 002's staff table does not tick
     * the police for that row, yet its "Illegal Incidents" flow says to report to the police).
     */
    public boolean concernsIllegalMaterial() {
        return actions.stream().anyMatch(c -> c.id().equals(Sanctions.REFER_TO_POLICE))
                || text.toLowerCase(Locale.ROOT).contains("illegal");
    }

    /** Whether this is the table's "Continued infringements" row. */
    public boolean continuedInfringements() {
        return id.equals("continued-infringements") || text.toLowerCase(Locale.ROOT).startsWith("continued infringement");
    }
}
