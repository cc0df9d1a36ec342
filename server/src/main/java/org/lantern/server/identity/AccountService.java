package org.lantern.server.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.lantern.server.identity.password.Passwords;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and administering accounts: what the accounts pages, the bootstrap administrator and
 * other features (a demo loader, tests) call. Every change is audited in {@link AccountEvents}.
 */
@Service
public class AccountService {

    private static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";

    private final AccountStore store;
    private final AccountEvents events;
    private final Accounts accounts;
    private final TwoFactorService twoFactor;
    private final PasswordEncoder encoder;
    private final Passwords passwords;
    private final ApiTokenService tokens;
    private final SecureRandom random = new SecureRandom();

    AccountService(AccountStore store, AccountEvents events, Accounts accounts, TwoFactorService twoFactor,
                   PasswordEncoder encoder, Passwords passwords, ApiTokenService tokens) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.store = store;
        this.events = events;
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.encoder = encoder;
    }

    /** An account as the accounts list shows it. */
    public record AccountSummary(long id, String username, String displayName, Role role, boolean enabled,
                                 boolean locked, String twoFactor, Instant lastLogonAt) {
    }

    /** A new account and the one-time password to hand to its owner. */
    public record NewAccount(long id, String temporaryPassword) {
    }

    /**
     * Creates an account.
     *
     * @param rawPassword the password to set, or {@code null} for a random temporary one that
     *                    nobody sees (the owner then needs {@link #resetPassword}); a given password
     *                    is not subject to change at first logon
     * @return the new account's id
     * @throws AccountException for a bad or taken username, an empty display name or no role
     */
    @Transactional
    public long create(String username, String displayName, Role role, String rawPassword, String actor) {
        if (rawPassword == null) {
            return createWithTemporaryPassword(username, displayName, role, actor).id();
        }
        return insert(username, displayName, role, rawPassword, false, actor);
    }

    /** Creates an account with a random temporary password that must be changed at first logon. */
    @Transactional
    public NewAccount createWithTemporaryPassword(String username, String displayName, Role role, String actor) {
        long id = insert(username, displayName, role, unusablePassword(), true, actor);
        return new NewAccount(id, passwords.setTemporaryPassword(id, actor));
    }

    /**
     * Gives an account a new random temporary password, to be changed at next logon. Whoever held
     * the old one is shut out: the account's sessions end at their next request and its API
     * tokens are revoked.
     */
    @Transactional
    public String resetPassword(long accountId, String actor, String reason) {
        existing(accountId);
        String password = passwords.setTemporaryPassword(accountId, actor);
        events.record(accountId, actor, "PASSWORD_RESET", reason);
        tokens.revokeAll(accountId, actor, "password reset by " + actor);
        return password;
    }

    /** Every account, by username. */
    public List<AccountSummary> list() {
        Instant now = Instant.now();
        return store.findAll().stream().map(a -> new AccountSummary(a.id(), a.username(), a.displayName(), a.role(),
                a.enabled(), a.lockedAt(now), twoFactorStatus(a), a.lastLogonAt())).toList();
    }

    /** Disables an account, ending its sessions and tokens at once. */
    public void disable(long accountId, String actor, String reason) {
        accounts.disable(accountId, actor, reason);
    }

    public void enable(long accountId, String actor, String reason) {
        accounts.enable(accountId, actor, reason);
    }

    /** Lifts a lockout and forgets recent failures. */
    @Transactional
    public void unlock(long accountId, String actor, String reason) {
        existing(accountId);
        store.unlock(accountId);
        events.record(accountId, actor, "UNLOCKED", reason);
    }

    public void resetTwoFactor(long accountId, String actor, String reason) {
        twoFactor.reset(accountId, actor, reason);
    }

    public void setTwoFactorExempt(long accountId, boolean exempt, String actor, String reason) {
        twoFactor.setExempt(accountId, exempt, actor, reason);
    }

    /** A secret nobody knows, so the account cannot be used until a temporary password is issued. */
    private String unusablePassword() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private long insert(String username, String displayName, Role role, String rawPassword, boolean mustChange,
                        String actor) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.matches(USERNAME_PATTERN)) {
            throw new AccountException("username",
                    "A username is 2 to 64 characters: lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit.");
        }
        if (store.usernameTaken(name)) {
            throw new AccountException("username", "There is already an account called " + name + ".");
        }
        String display = displayName == null ? "" : displayName.strip();
        if (display.isEmpty() || display.length() > 200) {
            throw new AccountException("displayName", "Enter the person's name (at most 200 characters).");
        }
        if (role == null) {
            throw new AccountException("role", "Choose a role.");
        }
        if (rawPassword.isEmpty()) {
            throw new AccountException("password", "The password must not be empty.");
        }
        long id = store.insert(name, display, role, encoder.encode(rawPassword), mustChange);
        events.record(id, actor, "CREATED", "role " + role.name());
        return id;
    }

    private void existing(long accountId) {
        if (store.status(accountId).isEmpty()) {
            throw new AccountException("account", "There is no such account.");
        }
    }

    private static String twoFactorStatus(AccountStore.StoredAccount account) {
        if (account.twoFactorExempt()) {
            return "Exempt";
        }
        if (account.totpEnabled()) {
            return "Enrolled";
        }
        return account.role().twoFactorRequiredByDefault() ? "Required, not enrolled" : "Not enrolled";
    }
}
