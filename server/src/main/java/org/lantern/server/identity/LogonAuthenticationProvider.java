package org.lantern.server.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password from the sign-in form and audits the attempt whatever its
 * outcome. An unknown username, a wrong password and an account that may not be tried now
 * (disabled, locked, slowed) get the same answer after the same work, one password-hash
 * check, so neither the words nor the time say which usernames exist; only a wait imposed on
 * the address ({@link LogonGuard#checkSource}) is told apart, since it says nothing of accounts. An account that needs a second factor comes out holding only a marker authority
 * (see {@link Authorities}); the full permissions come after the code or enrolment.
 */
@Component
class LogonAuthenticationProvider implements AuthenticationProvider {

    private final AccountStore store;
    private final LogonGuard guard;
    private final LogonAudit audit;
    private final PasswordEncoder encoder;
    private final String decoyHash;

    LogonAuthenticationProvider(AccountStore store, LogonGuard guard, LogonAudit audit, PasswordEncoder encoder) {
        this.store = store;
        this.guard = guard;
        this.audit = audit;
        this.encoder = encoder;
        // Checking a password against this for an unknown username, or an account that may not be
        // tried now, costs what checking a real one does, so timing does not tell them apart.
        this.decoyHash = encoder.encode("lantern-unknown-user-timing-equaliser");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        LogonDetails details = authentication.getDetails() instanceof LogonDetails d ? d : new LogonDetails(null, null);
        Instant now = Instant.now();

        guard.checkSource(username, details, now);
        Optional<AccountStore.StoredAccount> found = store.findByUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, decoyHash);
            audit.record(username, null, details, LogonOutcome.UNKNOWN_USER);
            throw new BadCredentialsException("bad credentials");
        }
        AccountStore.StoredAccount account = found.get();
        LogonGuard.Attempt attempt;
        try {
            attempt = guard.begin(account, details, now);
        } catch (AuthenticationException refused) {
            // The same answer and the same work as a wrong password, so neither says the account exists.
            encoder.matches(password, decoyHash);
            throw new BadCredentialsException("bad credentials", refused);
        }
        boolean right = false;
        try {
            right = encoder.matches(password, account.passwordHash());
        } finally {
            if (!right) {
                guard.failed(attempt, LogonOutcome.BAD_PASSWORD);
            }
        }
        if (!right) {
            throw new BadCredentialsException("bad credentials");
        }

        AccountPrincipal principal = new AccountPrincipal(account.id(), account.username());
        UsernamePasswordAuthenticationToken result;
        if (account.needsCode() || account.needsEnrolment()) {
            guard.passed(attempt);
            audit.record(account.username(), account.id(), details, LogonOutcome.SECOND_FACTOR_REQUIRED);
            String marker = account.needsCode() ? Authorities.PENDING_CODE : Authorities.PENDING_ENROLMENT;
            result = UsernamePasswordAuthenticationToken.authenticated(principal, null, Authorities.pending(marker));
        } else {
            guard.succeeded(account, details, now);
            result = UsernamePasswordAuthenticationToken.authenticated(principal, null, Authorities.of(account.role()));
        }
        result.setDetails(details);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
