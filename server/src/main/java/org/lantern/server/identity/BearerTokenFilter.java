package org.lantern.server.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request from its {@code Authorization: Bearer} token, for this request
 * only (no session). An unknown, revoked or expired token, or one whose account is disabled,
 * gets 401 at once rather than falling back to anonymous. The request holds the token's
 * {@link ApiTokenScope}'s share of the account's permissions. Not a Spring bean, so that it runs
 * only inside the API security filter chain.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String PREFIX = "Bearer ";

    private final ApiTokenService tokens;

    BearerTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("Authorization").substring(PREFIX.length()).strip();
        Optional<ApiTokenService.Authenticated> account = tokens.authenticate(token);
        if (account.isEmpty()) {
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", tokens.expired(token)
                    ? "The API token has expired. Renew a token before it expires on the API tokens page (/account/tokens), or create a new one."
                    : "The API token is not valid: unknown, revoked or expired, or its account is disabled.");
            return;
        }
        AccountStore.StoredAccount a = account.get().account();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new AccountPrincipal(a.id(), a.username()), null, account.get().scope().authorities(a.role())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
