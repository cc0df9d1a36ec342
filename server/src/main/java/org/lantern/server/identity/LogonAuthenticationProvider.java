package org.lantern.server.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password from the sign-in form and audits the attempt whatever its
 * outcome. An account that needs a second factor comes out holding only a marker authority
 * (see {@link Authorities}); the full permissions come after the code or enrolment.
 */
@Component
class LogonAuthenticationProvider implements AuthenticationProvider {

    private final AccountStore store;
    private final LogonGuard guard;
    private final LogonAudit audit;
    private final PasswordEncoder encoder;
    private final String unknownUserHash;

    LogonAuthenticationProvider(AccountStore store, LogonGuard guard, LogonAudit audit, PasswordEncoder encoder) {
        this.store = store;
        this.guard = guard;
        this.audit = audit;
        this.encoder = encoder;
        // Checking a password against this for unknown usernames keeps the response time the same,
        // so timing does not reveal which usernames exist.
        this.unknownUserHash = encoder.encode("lantern-unknown-user-timing-equaliser");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        LogonDetails details = authentication.getDetails() instanceof LogonDetails d ? d : new LogonDetails(null, null);
        Instant now = Instant.now();

        Optional<AccountStore.StoredAccount> found = store.findByUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, unknownUserHash);
            audit.record(username, null, details, LogonOutcome.UNKNOWN_USER);
            throw new BadCredentialsException("bad credentials");
        }
        AccountStore.StoredAccount account = found.get();
        guard.checkMayAttempt(account, details, now);
        if (!encoder.matches(password, account.passwordHash())) {
            guard.failed(account, details, LogonOutcome.BAD_PASSWORD, now);
            throw new BadCredentialsException("bad credentials");
        }

        AccountPrincipal principal = new AccountPrincipal(account.id(), account.username());
        UsernamePasswordAuthenticationToken result;
        if (account.needsCode() || account.needsEnrolment()) {
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
