package org.lantern.server.identity;

import java.time.Instant;

import org.lantern.server.identity.password.Passwords;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The throttling and lockout rules shared by the password step and the code step. An attempt is
 * refused, without checking any secret, while the account is locked, before its "not before"
 * time, or once it has had {@code maxFailuresPerHour} failures this hour; refusing instead of
 * sleeping keeps server threads free however fast an attacker guesses.
 */
@Service
class LogonGuard {

    private final AccountStore store;
    private final LogonAudit audit;
    private final LogonProperties properties;
    private final Passwords passwords;
    private final AccountEvents events;

    LogonGuard(AccountStore store, LogonAudit audit, LogonProperties properties, Passwords passwords,
               AccountEvents events) {
        this.passwords = passwords;
        this.events = events;
        this.store = store;
        this.audit = audit;
        this.properties = properties;
    }

    /** Throws (and audits) if this account may not have a secret checked now. */
    void checkMayAttempt(AccountStore.StoredAccount account, LogonDetails details, Instant now) {
        if (!account.enabled()) {
            throw refuse(account, details, LogonOutcome.DISABLED, new DisabledException("account disabled"));
        }
        if (account.lockedAt(now)) {
            throw refuse(account, details, LogonOutcome.LOCKED, new LockedException("account locked"));
        }
        if ((account.notBefore() != null && account.notBefore().isAfter(now))
                || audit.countedFailuresInLastHour(account.id(), now) >= properties.maxFailuresPerHour()) {
            throw refuse(account, details, LogonOutcome.THROTTLED, new ThrottledException());
        }
    }

    /** Records a wrong password or code: a longer wait before the next attempt, and a lock when due. */
    @Transactional
    void failed(AccountStore.StoredAccount account, LogonDetails details, LogonOutcome outcome, Instant now) {
        int failures = account.failedAttempts() + 1;
        if (failures >= properties.lockAfterFailures()) {
            // The lock replaces the counter: after it expires the account gets a fresh, slowed run.
            store.recordFailure(account.id(), 0, null, now.plus(properties.lockDuration()));
        } else {
            store.recordFailure(account.id(), failures, now.plus(properties.delayAfter(failures)), null);
        }
        audit.record(account.username(), account.id(), details, outcome);
    }

    /**
     * Records a complete, successful logon. A password older than the active policy allows is
     * expired here, once per logon, by requiring a change: the session filter then confines the
     * person to the change page without asking the policy on every request.
     */
    @Transactional
    void succeeded(AccountStore.StoredAccount account, LogonDetails details, Instant now) {
        store.recordSuccess(account.id(), now);
        audit.record(account.username(), account.id(), details, LogonOutcome.SUCCESS);
        if (!account.mustChangePassword() && passwords.isExpired(account.id())) {
            store.requirePasswordChange(account.id());
            events.record(account.id(), "system", "PASSWORD_EXPIRED", "older than the password policy allows");
        }
    }

    private AuthenticationException refuse(AccountStore.StoredAccount account, LogonDetails details,
                                           LogonOutcome outcome, AuthenticationException exception) {
        audit.record(account.username(), account.id(), details, outcome);
        return exception;
    }

    /** Refused because of too many recent failures; the login page says to wait. */
    static final class ThrottledException extends BadCredentialsException {
        ThrottledException() {
            super("too many recent failures");
        }
    }
}
