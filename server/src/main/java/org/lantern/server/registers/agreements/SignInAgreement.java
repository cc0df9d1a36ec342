package org.lantern.server.registers.agreements;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.lantern.server.filtering.FilterService;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The interstitial after sign-in: a member of staff or a governor who has not accepted the version
 * of their agreement that must be signed is sent to the agreement page from every other page until
 * they accept. It runs after Spring Security (a plain servlet filter, ordered after the security
 * chain), so the session is already the account's, past its second factor and any password
 * change. Once a session owes nothing it is marked so, and no longer asked about: an agreement
 * published during a session is asked for at the next sign-in. Pupils are not interrupted here; the
 * network gate asks them, where the school turns it on. The API is never interrupted: a script
 * cannot read an agreement. Reporting a concern is never held up.
 */
@Component
class SignInAgreement extends OncePerRequestFilter {

    /** Session attribute: this session's person owes no agreement (or has accepted it). */
    static final String SETTLED = "lantern.agreement.settled";

    private final People people;
    private final Acceptances acceptances;

    SignInAgreement(People people, Acceptances acceptances) {
        this.people = people;
        this.acceptances = acceptances;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)
                || session == null || session.getAttribute(SETTLED) != null
                || exempt(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Person> person = people.findByAccount(principal.id());
        boolean asked = person.map(p -> p.kind() == PersonKind.STAFF || p.kind() == PersonKind.GOVERNOR).orElse(false);
        if (asked && acceptances.owes(person.get())) {
            response.sendRedirect(request.getContextPath() + FilterService.AGREEMENT_PATH);
            return;
        }
        session.setAttribute(SETTLED, Boolean.TRUE);
        chain.doFilter(request, response);
    }

    private static boolean exempt(String path) {
        return path.equals(FilterService.AGREEMENT_PATH) || path.startsWith("/api/") || path.startsWith("/login")
                || path.equals("/logout") || path.equals("/error") || path.equals("/favicon.ico")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/actuator/")
                || path.startsWith("/account/") || path.equals("/blocked") || path.startsWith("/report-concern");
    }
}
