package org.lantern.server.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.support.DatabaseState;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.unblocking.Unblocks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every state-changing route there is, found from Spring's own handler mappings rather than a list
 * that a new form could be left out of: sent from a signed-in browser without a CSRF token, or with
 * a forged one, each is refused with 403 and no table gains or loses a row (the audit chain
 * included). The user holds every permission, so the refusal can only be the CSRF check's. API
 * routes take bearer tokens without CSRF by design; a session cookie alone must not reach them
 * either, or any site a member of staff visits could post to the API in their name.
 */
@PersistenceTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfOnEveryFormTest {

    private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Unblocks unblocks;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Authentication everything;

    /** One state-changing route: its method and a path with every variable filled in. */
    record Route(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void signIn() {
        long id = accounts.idOf("csrf.everything")
                .orElseGet(() -> accountService.create("csrf.everything", "Csrf Everything", Role.ADMIN,
                        "csrf password 1", "test"));
        everything = UsernamePasswordAuthenticationToken.authenticated(new AccountPrincipal(id, "csrf.everything"), null,
                Arrays.stream(Permission.values()).map(p -> new SimpleGrantedAuthority(p.authority())).toList());
    }

    /** The routes, from the running application's mappings; {@code api} picks the API or the web side. */
    static Stream<Route> routes(RequestMappingHandlerMapping mappings, boolean api) {
        Set<Route> routes = new java.util.LinkedHashSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") != api) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]*}", "1");
                for (RequestMethod method : methods) {
                    if (CHANGING.contains(method)) {
                        routes.add(new Route(HttpMethod.valueOf(method.name()), path));
                    }
                }
            }
        }
        return routes.stream();
    }

    /** How a request tries to get past the CSRF check. */
    enum Attempt { NO_TOKEN, FORGED_TOKEN }

    Stream<Arguments> webRoutes() {
        return routes(mappings, false).flatMap(r -> Stream.of(Attempt.values()).map(a -> Arguments.of(r, a)));
    }

    Stream<Route> apiRoutes() {
        return routes(mappings, true);
    }

    @Test
    void theRoutesAreFoundAndIncludeTheFormsThatMatterMost() {
        List<String> web = routes(mappings, false).map(Route::toString).toList();

        assertThat(web).hasSizeGreaterThan(50).contains("POST /accounts", "POST /incidents",
                "POST /incidents/1/evidence/upload", "POST /policy/edit", "POST /unblock/1/grant",
                "POST /data-protection/breaches", "POST /report-concern", "POST /people/import/apply",
                "POST /incidents/1/category", "POST /registers/consents/takedowns/days");
        assertThat(routes(mappings, true).map(Route::toString).toList()).contains("POST /api/v1/incidents",
                "POST /api/v1/incidents/1/category", "PUT /api/v1/registers/consents/takedown-days");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("webRoutes")
    void aFormPostedWithoutAValidTokenIsRefusedAndChangesNothing(Route route, Attempt attempt) throws Exception {
        Map<String, Long> before = rowCounts();

        MockHttpServletRequestBuilder request = request(route.method(), route.path()).with(authentication(everything))
                .param("reason", "forged").param("description", "forged");
        if (attempt == Attempt.FORGED_TOKEN) {
            request.with(csrf().useInvalidToken());
        }
        int status = mvc.perform(request).andReturn().getResponse().getStatus();

        assertThat(status).as("status").isEqualTo(403);
        assertThat(rowCounts()).as("rows in each table").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRoutes")
    void aSessionCookieAloneCannotPostToTheApi(Route route) throws Exception {
        Map<String, Long> before = rowCounts();

        int status = mvc.perform(request(route.method(), route.path()).with(authentication(everything))
                        .contentType("application/json").content("{}"))
                .andReturn().getResponse().getStatus();

        assertThat(status).as("status").isEqualTo(403);
        assertThat(rowCounts()).as("rows in each table").isEqualTo(before);
    }

    /** Rows in every table of the schema under test, by table. */
    private Map<String, Long> rowCounts() {
        return new DatabaseState(jdbc, unblocks).rowCounts();
    }
}
