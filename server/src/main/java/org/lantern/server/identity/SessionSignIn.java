package org.lantern.server.identity;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Completes a sign-in after the second factor: gives the session the account's full
 * permissions and a new session id, so an id seen before the code was entered is worthless.
 */
@Component
class SessionSignIn {

    /** Session attribute: when the password was accepted, for the absolute session timeout. */
    static final String LOGON_AT = "lantern.logonAt";

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    void complete(HttpServletRequest request, HttpServletResponse response, AccountStore.StoredAccount account) {
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                new AccountPrincipal(account.id(), account.username()), null, Authorities.of(account.role()));
        authentication.setDetails(LogonDetails.of(request));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        repository.saveContext(context, request, response);
    }

    static void markLogon(HttpSession session) {
        session.setAttribute(LOGON_AT, Instant.now());
    }
}
