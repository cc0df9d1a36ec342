package org.lantern.server.people;

/** No person has the id asked for. */
public class PersonNotFoundException extends RuntimeException {

    public PersonNotFoundException(long id) {
        super("no person with id " + id);
    }
}
