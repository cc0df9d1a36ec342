package org.lantern.server.incidents;

import java.util.Objects;

import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.Permission;
import org.springframework.security.core.Authentication;

/**
 * Who is asking for an incident record: whether they may read every behaviour record
 * ({@link Permission#INCIDENT_READ_ALL}) or only those they recorded, and whether they may read
 * child-protection records ({@link Permission#CHILD_PROTECTION_READ}), which nobody else may read,
 * not even their recorder.
 *
 * @param accountId       their account id
 * @param username        their username
 * @param readAll         whether they hold INCIDENT_READ_ALL
 * @param childProtection whether they hold CHILD_PROTECTION_READ
 */
public record Viewer(long accountId, String username, boolean readAll, boolean childProtection) {

    /** A viewer who may not read child-protection records. */
    public Viewer(long accountId, String username, boolean readAll) {
        this(accountId, username, readAll, false);
    }

    /** The signed-in user of a request. */
    public static Viewer of(Authentication authentication) {
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        return new Viewer(principal.id(), principal.username(), Permission.INCIDENT_READ_ALL.heldBy(authentication),
                Permission.CHILD_PROTECTION_READ.heldBy(authentication));
    }

    /** Whether this viewer may read the incident. */
    public boolean mayRead(Incident incident) {
        return mayRead(incident.recordKind(), incident.recordedByAccount());
    }

    /** Whether this viewer may read a record of this kind made by this account (null: none). */
    public boolean mayRead(RecordKind kind, Long recordedByAccount) {
        if (kind == RecordKind.CHILD_PROTECTION) {
            return childProtection;
        }
        return readAll || Objects.equals(recordedByAccount, accountId);
    }
}
