package org.lantern.server.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.filter.decision.Rule;
import org.lantern.server.alerts.AlertKind;
import org.lantern.server.alerts.AlertStatus;
import org.lantern.server.http.Show;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.LogonOutcome;
import org.lantern.server.identity.Role;
import org.lantern.server.people.AccessAction;
import org.lantern.server.people.PersonKind;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.lantern.server.unblocking.UnblockStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * No page shows a status as its code ({@code REQUESTED}, {@code BAD_PASSWORD}) or a time as an
 * ISO timestamp: the demo school's pages, crawled as each demo account, say them in words and in
 * school time.
 */
@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "lantern.mode=demo")
class NoCodesOnPagesTest {

    /** Pages of one shape ({@code /incidents/N}) looked at, per account: enough to meet every status. */
    private static final int PER_SHAPE = 12;
    private static final Pattern TEXT = Pattern.compile(">([^<>]+)<");
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");
    /** An underscored code, but not the name of one of Lantern's settings, which the lists page names. */
    private static final Pattern UNDERSCORED_CODE = Pattern.compile("\\b(?!LANTERN_)[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Set<String> CODES = new HashSet<>(Stream.of(UnblockStatus.values(), LogonOutcome.values(),
            AccessAction.values(), AlertStatus.values(), AlertKind.values(), PersonKind.values(), Rule.values())
            .flatMap(Stream::of).map(Enum::name).toList());

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;

    @ParameterizedTest
    @CsvSource({"admin, ADMIN", "dsl, DSL", "head, HEADTEACHER", "teacher, STAFF", "governor, GOVERNOR", "pupil, PUPIL"})
    void noPageShowsACodeOrAnIsoTimestamp(String username, Role role) throws Exception {
        Authentication user = TestUsers.signedIn(accountService, accounts, username, role);
        List<String> found = new ArrayList<>();
        int pages = crawl(user, (page, text) -> {
            if (UNDERSCORED_CODE.matcher(text).find() || CODES.contains(text.strip()) || ISO_TIME.matcher(text).find()) {
                found.add(page + ": " + text.strip());
            }
        });
        assertThat(pages).as("pages crawled as %s", username).isGreaterThan(3);
        assertThat(found).as("codes or ISO times shown to %s", username).isEmpty();
    }

    @Test
    void codesReadAsWords() {
        assertThat(Show.wordsOf(UnblockStatus.REQUESTED)).isEqualTo("Requested");
        assertThat(Show.wordsOf(LogonOutcome.SECOND_FACTOR_REQUIRED)).isEqualTo("Second factor required");
        assertThat(Show.wordsOf("TWO_FACTOR_EXEMPTED")).isEqualTo("Two factor exempted");
        assertThat(Show.wordsOf("Refer to DSL")).isEqualTo("Refer to DSL");
    }

    private interface TextCheck {
        void check(String page, String text);
    }

    /** Visits pages linked from the dashboard, breadth first; returns how many were looked at. */
    private int crawl(Authentication user, TextCheck check) throws Exception {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new HashSet<>(queue);
        Map<String, Integer> perShape = new HashMap<>();
        int pages = 0;
        while (!queue.isEmpty()) {
            String page = queue.pop();
            MockHttpServletResponse response = mvc.perform(get(page).with(authentication(user))).andReturn().getResponse();
            if (response.getStatus() != 200 || !String.valueOf(response.getContentType()).startsWith("text/html")) {
                continue;
            }
            pages++;
            String html = response.getContentAsString();
            String main = html.substring(Math.max(0, html.indexOf("<main")));
            Matcher text = TEXT.matcher(main);
            while (text.find()) {
                check.check(page, text.group(1));
            }
            Matcher link = HREF.matcher(html);
            while (link.find()) {
                String href = link.group(1).replace("&amp;", "&");
                if (href.matches(".*(logout|\\.csv|\\.pdf|\\.json|/download|/content|/css/|/js/).*") || !seen.add(href)) {
                    continue;
                }
                String shape = href.replaceAll("\\d+", "N").replaceAll("\\?.*", "?");
                if (perShape.merge(shape, 1, Integer::sum) <= PER_SHAPE) {
                    queue.add(href);
                }
            }
        }
        return pages;
    }
}
