package org.lantern.server.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.LanternProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Browsers use form login with CSRF protection and a session; scripts use
 * {@code Authorization: Bearer} API tokens on {@code /api/**}, statelessly and without CSRF
 * (a bearer header is never sent by a browser on its own, so it cannot be forged cross-site).
 * Pages need a signed-in user; each controller method then checks a {@link Permission}.
 * {@code /actuator/prometheus} is for administrators only (a session or an administrator's token),
 * since its numbers reveal how the school's logons are going. Only in a web server: the
 * {@code lantern token} command runs the same application without one.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfig {

    private static final RequestMatcher API = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/actuator/prometheus");
    };

    @Bean
    @Order(1)
    SecurityFilterChain bearer(HttpSecurity http, ApiTokenService tokens) throws Exception {
        http.securityMatcher(request -> BearerTokenFilter.hasBearer(request) && API.matches(request))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterAfter(new BearerTokenFilter(tokens), SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized()).accessDeniedHandler(jsonForbidden()));
        return authorize(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AccountStore accounts, LanternProperties lantern) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, jakarta.servlet.ServletException {
                SessionSignIn.markLogon(request.getSession());
                if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
                    accounts.status(principal.id()).ifPresent(status ->
                            SessionCredentials.mark(request.getSession(), status.credentialsVersion()));
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        http.formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(new LogonDetails.Source())
                        .successHandler(success)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(jsonUnauthorized(), API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .addFilterBefore(new AccountSessionFilter(accounts, lantern.session().absoluteTimeout()),
                        AuthorizationFilter.class);
        return authorize(http).build();
    }

    private static HttpSecurity authorize(HttpSecurity http) throws Exception {
        return headers(http).authorizeHttpRequests(auth -> auth
                .requestMatchers(AntPathRequestMatcher.antMatcher("/login"), AntPathRequestMatcher.antMatcher("/css/**"),
                        AntPathRequestMatcher.antMatcher("/js/**"), AntPathRequestMatcher.antMatcher("/favicon.ico"),
                        AntPathRequestMatcher.antMatcher("/error"), AntPathRequestMatcher.antMatcher("/actuator/health/**"),
                        AntPathRequestMatcher.antMatcher("/api/openapi.json"),
                        AntPathRequestMatcher.antMatcher("/api/v1/policy/schema"),
                        // The filter's block page: pupils who are blocked are not signed in to Lantern.
                        AntPathRequestMatcher.antMatcher("/blocked"),
                        // Reporting a concern, linked from the block page, for the same pupils.
                        AntPathRequestMatcher.antMatcher("/report-concern"),
                        AntPathRequestMatcher.antMatcher("/report-concern/thanks"),
                        // What Lantern monitors: told to everyone it monitors, signed in or not.
                        AntPathRequestMatcher.antMatcher("/what-lantern-monitors")).permitAll()
                .requestMatchers(AntPathRequestMatcher.antMatcher("/actuator/prometheus"))
                .hasAuthority(Permission.ACCOUNTS_MANAGE.authority())
                .anyRequest().authenticated());
    }

    /**
     * Headers on every answer. The Content-Security-Policy lets pages run only scripts and
     * stylesheets served by Lantern itself (the templates hold no inline script; style attributes
     * are allowed, since they cannot run code), so a script planted in a record cannot run even if
     * escaping ever failed. No Referer is sent anywhere, so following an evidence link from an
     * incident does not tell the outside site the incident's address. Pages ask for no camera,
     * microphone, location or payment.
     */
    private static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
    }

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private static AuthenticationEntryPoint jsonUnauthorized() {
        return (request, response, e) -> JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                "unauthorized", "Sign in or send a valid API token.");
    }

    private static AccessDeniedHandler jsonForbidden() {
        return (request, response, e) -> JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN,
                "forbidden", "Your role does not include this.");
    }
}
