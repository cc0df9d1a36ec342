package org.lantern.server.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import org.lantern.server.identity.password.Passwords;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The throttling and lockout rules shared by the password step and the code step, in the order
 * NIST SP 800-63B §5.2.2 suggests:
 * <ol>
 *   <li>by address: an address with too many recent failures, whatever usernames they named,
 *       waits before its next attempt ({@link SourceThrottleProperties});</li>
 *   <li>by account: each attempt is counted in the database before its secret is checked
 *       ({@link AccountStore#claimAttempt}); failures slow the account's next attempt, and
 *       {@code lockAfterFailures} of them in a row lock it. The lock binds the addresses the
 *       failures came from; any other address meets only the account's slow-down, never longer
 *       than {@code maxDelay}, so nobody can keep someone else's account locked at will.</li>
 * </ol>
 * An attempt refused is refused without checking any secret; the caller decides what the person
 * is told (the sign-in page says the same for every refusal but the address's wait).
 */
@Service
class LogonGuard {

    private final AccountStore store;
    private final LogonAudit audit;
    private final LogonProperties properties;
    private final SourceThrottleProperties source;
    private final Passwords passwords;
    private final AccountEvents events;

    LogonGuard(AccountStore store, LogonAudit audit, LogonProperties properties, SourceThrottleProperties source,
               Passwords passwords, AccountEvents events) {
        this.passwords = passwords;
        this.events = events;
        this.store = store;
        this.audit = audit;
        this.properties = properties;
        this.source = source;
    }

    /** An attempt counted against an account before its secret is checked: its number in the run of failures. */
    record Attempt(AccountStore.StoredAccount account, LogonDetails details, Instant at, int number) {
    }

    /**
     * Throws (and audits) if the address the attempt comes from must wait. Asked before the
     * account is looked up, so the answer says nothing about whether the username exists.
     */
    void checkSource(String username, LogonDetails details, Instant now) {
        LogonAudit.SourceFailures failures = audit.failuresFrom(details.sourceIp(), now.minus(source.window()));
        Duration delay = source.delayAfter(failures.count());
        if (!delay.isZero() && failures.latest() != null && failures.latest().plus(delay).isAfter(now)) {
            audit.record(username, null, details, LogonOutcome.SOURCE_THROTTLED);
            throw new SourceThrottledException(Duration.between(now, failures.latest().plus(delay)));
        }
    }

    /** Counts an attempt on this account, or throws (and audits) if none may be made now. */
    Attempt begin(AccountStore.StoredAccount account, LogonDetails details, Instant now) {
        if (!account.enabled()) {
            throw refuse(account, details, LogonOutcome.DISABLED, new DisabledException("account disabled"));
        }
        boolean locked = account.lockedAt(now);
        if (locked && lockBinds(account, details, now)) {
            throw refuse(account, details, LogonOutcome.LOCKED, new LockedException("account locked"));
        }
        if ((account.notBefore() != null && account.notBefore().isAfter(now))
                || audit.countedFailuresInLastHour(account.id(), now) >= properties.maxFailuresPerHour()) {
            throw refuse(account, details, LogonOutcome.THROTTLED, new ThrottledException());
        }
        OptionalInt number = store.claimAttempt(account.id(), now, properties.lockAfterFailures(), locked);
        if (number.isEmpty()) {
            // Attempts in parallel took the run's last places, or a lock or wait came in between.
            throw refuse(account, details, LogonOutcome.THROTTLED, new ThrottledException());
        }
        return new Attempt(account, details, now, number.getAsInt());
    }

    /** Records a wrong password or code: a longer wait before the next attempt, and a lock when due. */
    @Transactional
    void failed(Attempt attempt, LogonOutcome outcome) {
        long id = attempt.account().id();
        if (attempt.number() >= properties.lockAfterFailures()) {
            store.lock(id, attempt.at().plus(properties.lockDuration()));
        } else {
            Duration delay = properties.delayAfter(attempt.number());
            if (!delay.isZero()) {
                store.delayNextAttempt(id, attempt.at().plus(delay));
            }
        }
        audit.record(attempt.account().username(), id, attempt.details(), outcome);
    }

    /** The password was right and a second factor is owed: the attempt no longer counts as a failure. */
    void passed(Attempt attempt) {
        store.releaseAttempt(attempt.account().id());
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

    /** Whether the account's lock binds this address: it made one of the failures in the lock's period. */
    private boolean lockBinds(AccountStore.StoredAccount account, LogonDetails details, Instant now) {
        return audit.countedFailuresFrom(account.id(), details.sourceIp(), now.minus(properties.lockDuration())) > 0;
    }

    private AuthenticationException refuse(AccountStore.StoredAccount account, LogonDetails details,
                                           LogonOutcome outcome, AuthenticationException exception) {
        audit.record(account.username(), account.id(), details, outcome);
        return exception;
    }

    /** Refused because of too many recent failures on the account. */
    static final class ThrottledException extends BadCredentialsException {
        ThrottledException() {
            super("too many recent failures");
        }
    }

    /** Refused because of too many recent failures from the address; its message, shown on the sign-in page, says how long to wait. */
    static final class SourceThrottledException extends BadCredentialsException {
        SourceThrottledException(Duration wait) {
            super("Too many failed sign-ins from your network address. Wait "
                    + Math.max(1, (wait.toMillis() + 999) / 1000) + " seconds, then try again.");
        }
    }
}
