package org.lantern.server.incidents;

import org.lantern.server.identity.Permission;
import org.springframework.security.core.Authentication;

/**
 * Who is changing a case: the DSL's team ({@link Permission#INCIDENT_MANAGE}) may change any case
 * they can read; anyone else only a case they own and can still read.
 *
 * @param viewer  who they are and what they may read
 * @param manages whether they hold INCIDENT_MANAGE
 */
public record CaseActor(Viewer viewer, boolean manages) {

    /** The signed-in user of a request. */
    public static CaseActor of(Authentication authentication) {
        return new CaseActor(Viewer.of(authentication), authentication.getAuthorities().stream()
                .anyMatch(a -> Permission.INCIDENT_MANAGE.authority().equals(a.getAuthority())));
    }

    public String username() {
        return viewer.username();
    }

    /** Whether they may change this incident's case, whose owner is {@code owner} (null if none). */
    boolean mayChange(Incident incident, Case.Owner owner) {
        if (!viewer.mayRead(incident)) {
            return false;
        }
        return manages || owner != null && owner.accountId() == viewer.accountId();
    }
}
