package org.lantern.server.activity;

import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.Permission;
import org.springframework.security.core.Authentication;

/**
 * Who is searching the activity log, and whether they see people's names: the safeguarding team
 * and headteacher always ({@link Permission#ACTIVITY_READ}); the network manager
 * ({@link Permission#ACTIVITY_READ_TECHNICAL}) only when the school has chosen so. Without names a
 * searcher sees user names, addresses and devices, and may not search by person.
 *
 * @param accountId their account
 * @param username  their username, for the search log
 * @param names     whether they see names and may search by person
 */
record Searcher(long accountId, String username, boolean names) {

    /**
     * @param user               who is signed in
     * @param technicalSeesNames the school's setting now ({@link ActivityNamesSetting})
     */
    static Searcher of(Authentication user, boolean technicalSeesNames) {
        AccountPrincipal principal = (AccountPrincipal) user.getPrincipal();
        boolean names = Permission.ACTIVITY_READ.heldBy(user)
                || Permission.ACTIVITY_READ_TECHNICAL.heldBy(user) && technicalSeesNames;
        return new Searcher(principal.id(), principal.username(), names);
    }
}
