package org.lantern.server.identity;

/**
 * A request to change an account that cannot be carried out (a taken username, a missing
 * account, a wrong code). Nothing has been changed when it is thrown; {@link #field()} names the
 * form field the message belongs next to.
 */
public class AccountException extends IllegalArgumentException {

    private final String field;

    public AccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input the message is about, e.g. {@code username}. */
    public String field() {
        return field;
    }
}
