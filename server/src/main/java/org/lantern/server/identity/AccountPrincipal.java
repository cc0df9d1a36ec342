package org.lantern.server.identity;

import java.io.Serializable;
import java.security.Principal;

/**
 * The signed-in account as kept in the security context: its id (so per-request checks are a
 * primary-key lookup) and username (what pages and the audit show).
 *
 * @param id       the account's id
 * @param username the account's username
 */
public record AccountPrincipal(long id, String username) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }
}
