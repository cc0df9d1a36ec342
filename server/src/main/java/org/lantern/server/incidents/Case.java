package org.lantern.server.incidents;

import java.time.LocalDate;
import java.util.Map;

/**
 * An incident as a case the DSL's team works: where it stands, how urgent it is, who owns it and
 * when to look at it again, and who owns each of its actions.
 *
 * @param incidentId     the incident it is the case of
 * @param status         open, monitoring or closed
 * @param outcome        the outcome it was closed with; null unless closed
 * @param priority       the priority chosen, or the record's default
 * @param priorityChosen whether someone chose the priority (otherwise it is the default)
 * @param owner          the person who owns the case; null when nobody is named yet
 * @param reviewOn       when to look at it again; null if no date is set
 * @param actionOwners   the person named for each action, by action id; an action not in the
 *                       map is the DSL's team's with nobody named
 */
public record Case(long incidentId, CaseStatus status, String outcome, CasePriority priority, boolean priorityChosen,
                   Owner owner, LocalDate reviewOn, Map<Long, Owner> actionOwners) {

    public Case {
        actionOwners = Map.copyOf(actionOwners);
    }

    /**
     * A named person: a case or an action is owned by someone's account, never by a role.
     *
     * @param accountId   their account
     * @param username    their username
     * @param displayName their name
     */
    public record Owner(long accountId, String username, String displayName) {
    }

    /** The owner of an action, or null when nobody is named. */
    public Owner actionOwner(long actionId) {
        return actionOwners.get(actionId);
    }

    /** Whether the review date has come (today or earlier) on a case that is not closed. */
    public boolean reviewDue(LocalDate today) {
        return status != CaseStatus.CLOSED && reviewOn != null && !reviewOn.isAfter(today);
    }
}
