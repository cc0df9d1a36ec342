package org.lantern.server.identity.password;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * What other features ask of passwords. Use this rather than the tables:
 * <ul>
 *   <li>the logon flow calls {@link #isExpired(long)} after a successful sign-in and, when true,
 *       sends the person to {@code /account/password} just as for {@code must_change_password};</li>
 *   <li>account administration calls {@link #setTemporaryPassword(long, String)} to reset a password
 *       and {@link #check(String, String, String)} before creating an account with a chosen password;</li>
 *   <li>pages that explain the rules call {@link #activePolicy()}.</li>
 * </ul>
 * Changing one's own password is the page at {@code /account/password}.
 */
@Service
public class Passwords {

    private final PasswordPolicyService policies;
    private final PasswordChanger changer;
    private final PasswordAccounts accounts;

    Passwords(PasswordPolicyService policies, PasswordChanger changer, PasswordAccounts accounts) {
        this.policies = policies;
        this.changer = changer;
        this.accounts = accounts;
    }

    /**
     * Whether the account's password is older than the active policy allows, so the person must
     * change it before doing anything else. Always false under a policy without expiry.
     *
     * @throws IllegalArgumentException if there is no such account
     */
    public boolean isExpired(long accountId) {
        return policies.activePolicy().isExpired(changedAt(accountId), Instant.now());
    }

    /** When the account's password expires under the active policy; empty if it never does. */
    public Optional<Instant> expiresAt(long accountId) {
        return policies.activePolicy().expiresAt(changedAt(accountId));
    }

    /**
     * Gives the account a random one-time password meeting the active policy and makes the person
     * change it at the next sign-in. Audited with {@code actor}.
     *
     * @return the one-time password, to hand to the person; it is kept nowhere in the clear
     */
    public String setTemporaryPassword(long accountId, String actor) {
        return changer.setTemporaryPassword(accountId, actor);
    }

    /**
     * A random password the active policy accepts as the first password of a new account: for
     * accounts whose password is handed over rather than chosen (the demo school's accounts).
     */
    public String generateFor(String username, String displayName) {
        return changer.generate(PasswordContext.newAccount(username, displayName));
    }

    /** Every rule of the active policy that {@code candidate} breaks as the first password of a new account. */
    public List<Violation> check(String username, String displayName, String candidate) {
        return policies.check(PasswordContext.newAccount(username, displayName), candidate);
    }

    /** The password policy in force. */
    public PasswordPolicy activePolicy() {
        return policies.activePolicy();
    }

    private Instant changedAt(long accountId) {
        return accounts.byId(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no account with id " + accountId))
                .passwordChangedAt()
                .toInstant();
    }
}
