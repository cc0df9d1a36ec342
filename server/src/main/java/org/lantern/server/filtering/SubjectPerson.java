package org.lantern.server.filtering;

import org.lantern.filter.decision.Subject;

/**
 * The person a filter decision was made for, as a number in the people directory. The directory
 * gives the engine each person's id as text; registers that keep decisions (alerts, bypass
 * attempts) read it back here, so what counts as one of our people is decided in one place.
 */
public final class SubjectPerson {

    private SubjectPerson() {
    }

    /** The person's id, or null for a subject the directory did not resolve. */
    public static Long id(Subject subject) {
        String id = subject.personId();
        if (id == null) {
            return null;
        }
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            // The directory names people by number; anything else is not a person of ours.
            return null;
        }
    }
}
