package org.lantern.server.identity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks each request of a signed-in browser session against the account as it is now, not as
 * it was at logon:
 * <ul>
 *   <li>a request carrying a session that timed out while idle is sent to sign in, marked expired;</li>
 *   <li>a session older than {@code lantern.session.absolute-timeout} ends, however active;</li>
 *   <li>a disabled (or deleted) account's session ends at once, whichever code path or SQL
 *       statement disabled it (one primary-key lookup per request);</li>
 *   <li>a session signed in before the account's password was changed or reset ends, but for
 *       the session that made the change ({@link SessionCredentials});</li>
 *   <li>a session still owing its second factor can reach only the code or enrolment page;</li>
 *   <li>an account that must change its password can reach only {@code /account/password}.</li>
 * </ul>
 * Not a Spring bean, so that it runs only inside the security filter chain.
 */
class AccountSessionFilter extends OncePerRequestFilter {

    static final String CODE_PAGE = "/login/code";
    static final String ENROLMENT_PAGE = "/account/two-factor";
    static final String PASSWORD_PAGE = "/account/password";

    private final AccountStore store;
    private final Duration absoluteTimeout;

    AccountSessionFilter(AccountStore store, Duration absoluteTimeout) {
        this.store = store;
        this.absoluteTimeout = absoluteTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            if (sessionTimedOut(request) && !path.startsWith("/login") && !path.startsWith("/api/") && !alwaysAllowed(path)) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        HttpSession session = request.getSession(false);
        Instant logonAt = session == null ? null : (Instant) session.getAttribute(SessionSignIn.LOGON_AT);
        boolean tooOld = logonAt != null && Instant.now().isAfter(logonAt.plus(absoluteTimeout));
        Optional<AccountStore.Status> status = store.status(principal.id());
        if (tooOld || status.isEmpty() || !status.get().enabled()
                || SessionCredentials.outdated(session, status.get().credentialsVersion())) {
            end(request, response);
            return;
        }
        if (alwaysAllowed(path)) {
            chain.doFilter(request, response);
        } else if (Authorities.has(authentication, Authorities.PENDING_CODE)) {
            confine(path, CODE_PAGE, request, response, chain);
        } else if (Authorities.has(authentication, Authorities.PENDING_ENROLMENT)) {
            confine(path, ENROLMENT_PAGE, request, response, chain);
        } else if (status.get().mustChangePassword()) {
            confine(path, PASSWORD_PAGE, request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * A browser sent a session cookie the server no longer knows: the idle timeout ended it. Done
     * here rather than with Spring's invalid-session URL so that a POST with a stale session still
     * fails the CSRF check with 403 instead of being redirected.
     */
    private static boolean sessionTimedOut(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    private static boolean alwaysAllowed(String path) {
        return path.equals("/logout") || path.equals("/error") || path.equals("/favicon.ico")
                || path.startsWith("/css/") || path.startsWith("/js/");
    }

    private static void confine(String path, String only, HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws IOException, ServletException {
        if (path.equals(only)) {
            chain.doFilter(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + only);
        }
    }

    private static void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + "/login?expired");
    }
}
