package org.lantern.server.identity;

import java.util.Optional;

/**
 * What other features may ask of identity without touching its tables: find an account and
 * disable or re-enable it (a leaver, a sanction). Disabling ends every session of the account.
 */
public interface Accounts {

    /** The account's id, if an account with this username exists. */
    Optional<Long> idOf(String username);

    /** Disables the account at once, ending its sessions; {@code actor} and {@code reason} are audited. */
    void disable(long accountId, String actor, String reason);

    /** Re-enables a disabled account; audited like {@link #disable}. */
    void enable(long accountId, String actor, String reason);
}
