package org.lantern.server.incidents;

import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.Permission;
import org.springframework.security.core.Authentication;

/**
 * Who is asking for an incident record, and whether they may read every record
 * ({@link Permission#INCIDENT_READ_ALL}) or only those they recorded.
 *
 * @param accountId their account id
 * @param username  their username
 * @param readAll   whether they hold INCIDENT_READ_ALL
 */
public record Viewer(long accountId, String username, boolean readAll) {

    /** The signed-in user of a request. */
    public static Viewer of(Authentication authentication) {
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        boolean all = authentication.getAuthorities().stream()
                .anyMatch(a -> Permission.INCIDENT_READ_ALL.authority().equals(a.getAuthority()));
        return new Viewer(principal.id(), principal.username(), all);
    }

    /** Whether this viewer may read an incident recorded by {@code recordedByAccount}. */
    boolean mayRead(long recordedByAccount) {
        return readAll || recordedByAccount == accountId;
    }
}
