package org.lantern.server.identity.password;

import java.util.List;

/**
 * What the rules may know about the person choosing a password, besides the password itself.
 *
 * @param username     the account's username
 * @param displayName  the person's name as shown, e.g. "Jane Smith"
 * @param recentHashes hashes of the account's most recent passwords, newest (the current one) first
 */
public record PasswordContext(String username, String displayName, List<String> recentHashes) {

    public PasswordContext {
        username = username == null ? "" : username;
        displayName = displayName == null ? "" : displayName;
        recentHashes = recentHashes == null ? List.of() : List.copyOf(recentHashes);
    }

    /** A context for someone with no password yet (a new account). */
    public static PasswordContext newAccount(String username, String displayName) {
        return new PasswordContext(username, displayName, List.of());
    }
}
