package org.lantern.server.people;

import java.util.List;

/**
 * Published by the incident feature when an action of an incident is completed. The people
 * feature acts on the actions that concern it: completing "removal of network / internet access
 * rights" ({@link org.lantern.policy.Sanctions#REMOVE_NETWORK_ACCESS}) suspends the subjects' internet access.
 * It lives here, not in the incident feature, because incidents depend on people and not the
 * other way round. Handled in the completing transaction, so the completion and its consequence
 * commit together.
 *
 * @param incidentId       the incident
 * @param columnId         the Actions / Sanctions column the action came from, e.g. {@code remove-network-access}
 * @param subjectPersonIds the people the incident is about
 * @param actor            who completed the action
 */
public record IncidentActionCompleted(long incidentId, String columnId, List<Long> subjectPersonIds, String actor) {

    /** Copies the ids, so a published event cannot change afterwards. */
    public IncidentActionCompleted {
        subjectPersonIds = List.copyOf(subjectPersonIds);
    }
}
