package org.lantern.server.incidents;

import java.util.List;

import org.lantern.policy.Column;

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
}
