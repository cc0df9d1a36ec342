package org.lantern.server.people;

/** A membership change that cannot be made, with the reason in words a page can show; nothing changed. */
public class GroupMembershipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GroupMembershipException(String message) {
        super(message);
    }
}
