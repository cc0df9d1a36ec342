package org.lantern.server.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page a role may open is linked from a page that role sees: the dashboard, the navigation,
 * a page the navigation leads to, or a page one step further (a register's page from Registers). The pages are every parameterless GET page the server maps,
 * so a new page nobody links to fails here. The navigation marks the page being shown.
 */
@PersistenceTest
@AutoConfigureMockMvc
class NavigationTest {

    /** Pages reached other than by a link: sign-in, the proxy's block page, a form's thank-you. */
    private static final Set<String> NOT_LINKED = Set.of("/login", "/login/code", "/blocked", "/report-concern/thanks");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#?]*)[^\"]*\"");
    private static final Pattern NAV = Pattern.compile("<nav aria-label=\"Main\">(.*?)</nav>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyPageTheRoleMayOpenIsLinkedFromAPageItSees(Role role) throws Exception {
        Authentication user = user(role);
        Set<String> linked = crawl(user);
        Set<String> reachable = new TreeSet<>();
        for (String page : pages()) {
            MockHttpServletResponse response = fetch(user, page);
            if (response.getStatus() == 200 && String.valueOf(response.getContentType()).startsWith("text/html")) {
                reachable.add(page);
            }
        }
        assertThat(reachable).as("pages %s may open", role).contains("/", "/account", "/account/two-factor", "/account/tokens");
        assertThat(linked).as("pages linked from what %s sees", role).containsAll(reachable);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void theNavigationMarksThePageBeingShownAndNoOther(Role role) throws Exception {
        Authentication user = user(role);
        List<String> navLinks = links(nav(fetch(user, "/").getContentAsString()));
        assertThat(navLinks).contains("/", "/account");
        for (String link : navLinks) {
            String nav = nav(fetch(user, link).getContentAsString());
            assertThat(nav).as("navigation on %s", link)
                    .containsPattern("<a href=\"" + Pattern.quote(link) + "\" aria-current=\"page\">");
            assertThat(nav.split("aria-current", -1)).as("one current link on %s", link).hasSize(2);
        }
    }

    @org.junit.jupiter.api.Test
    void aPageUnderASectionMarksTheSection() throws Exception {
        String nav = nav(fetch(user(Role.DSL), "/account/password").getContentAsString());
        assertThat(nav).contains("<a href=\"/account\" aria-current=\"page\">");
    }

    private Authentication user(Role role) {
        return TestUsers.signedIn(accountService, accounts, "nav." + role.name().toLowerCase(), role);
    }

    /** Paths linked from the dashboard, from every page it links to, and from every page those link to. */
    private Set<String> crawl(Authentication user) throws Exception {
        Set<String> linked = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of("/"));
        Set<String> visited = new LinkedHashSet<>();
        for (int depth = 0; depth < 3; depth++) {
            Deque<String> next = new ArrayDeque<>();
            while (!toVisit.isEmpty()) {
                String page = toVisit.pop();
                if (!visited.add(page)) {
                    continue;
                }
                MockHttpServletResponse response = fetch(user, page);
                if (response.getStatus() != 200) {
                    continue;
                }
                for (String link : links(response.getContentAsString())) {
                    if (linked.add(link)) {
                        next.add(link);
                    }
                }
            }
            toVisit = next;
        }
        return linked;
    }

    /** Every parameterless HTML page the server maps for GET. */
    private Set<String> pages() {
        Set<String> pages = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            for (String path : info.getPatternValues()) {
                if (!path.contains("{") && !path.startsWith("/api") && !path.startsWith("/error")
                        && !path.matches(".*\\.(csv|pdf|json)$") && !NOT_LINKED.contains(path)) {
                    pages.add(path);
                }
            }
        });
        return pages;
    }

    private MockHttpServletResponse fetch(Authentication user, String path) throws Exception {
        return mvc.perform(get(path).with(authentication(user))).andReturn().getResponse();
    }

    private static List<String> links(String html) {
        List<String> links = new java.util.ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String link = m.group(1);
            if (link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/css/") && !link.startsWith("/js/")) {
                links.add(link);
            }
        }
        return links;
    }

    private static String nav(String html) {
        Matcher m = NAV.matcher(html);
        assertThat(m.find()).as("a main navigation").isTrue();
        return m.group(1);
    }
}
