package org.lantern.server.filtering;

import java.util.Set;

import org.lantern.server.people.Person;

/**
 * The network gate of the acceptable-use agreements register: until a person has accepted the
 * agreement in force for them, the filter sends their web requests to the agreement page, in the
 * policy groups where the school has turned the gate on. Implemented by the register, which the
 * filter must not depend on (the register depends on the filter to have its changes enforced).
 * Asked when the filter reads a person into its cache, so it may touch the database; the
 * implementation tells the filter to forget a person once they accept.
 */
public interface AgreementGate {

    /**
     * @param person someone the filter is resolving a request to
     * @return the ids of the policy groups in which this person's requests are held; empty when
     *     they have accepted the agreement in force, or the gate is on in no group
     */
    Set<String> heldInGroups(Person person);
}
