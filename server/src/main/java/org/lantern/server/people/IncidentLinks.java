package org.lantern.server.people;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * What the people pages need to know about the incidents their register entries and suspensions
 * name: which ones the viewer may open, so a link is shown only where it leads somewhere (a link
 * that ends in "not found" also puts a "denied" look against the viewer), and which are
 * child-protection records, whose reasons only those who may read child protection see. The
 * incidents feature implements it: it depends on people, not the other way round.
 */
public interface IncidentLinks {

    /**
     * @param incidentIds incidents named on a page
     * @param viewer the signed-in user
     * @return those the viewer may open
     */
    Set<Long> openable(Collection<Long> incidentIds, Authentication viewer);

    /**
     * @param incidentIds incidents named on a page
     * @return those that are child-protection records
     */
    Set<Long> childProtection(Collection<Long> incidentIds);
}
