package org.lantern.server.people;

import java.util.Set;

/**
 * Published whenever facts the web filter uses about people change: an import applied, a leaver
 * processed, internet access granted, removed, suspended or restored, a network identity added
 * or removed, a policy group membership added or removed. The filter forgets what it cached
 * about these people once the change commits, so the change is enforced at the next request.
 *
 * @param personIds the people whose facts changed
 * @param why       what changed, for logs
 */
public record PeopleChanged(Set<Long> personIds, String why) {

    /** Copies the ids, so a published event cannot change afterwards. */
    public PeopleChanged {
        personIds = Set.copyOf(personIds);
    }

    /** One person changed. */
    static PeopleChanged of(long personId, String why) {
        return new PeopleChanged(Set.of(personId), why);
    }
}
