package org.lantern.server.browser;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.policy.PolicyParser;
import org.lantern.proxy.block.BlockLinkSigner;
import org.lantern.proxy.icap.BlockPage;
import org.lantern.proxy.icap.EngineDecider;
import org.lantern.proxy.icap.IcapVerdict;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.server.browser.ScriptPayloadBrowserTest.PAYLOAD;
import static org.lantern.server.browser.ScriptPayloadBrowserTest.SHORT;

/**
 * Script in the policy's own text: the school's name, the reason given for a change, an activity's
 * words and a category's name, put in force as a new policy version and rendered by a real
 * Chromium on every page that shows them, as the roles that see them (the policy and its history
 * and differences, the pupils' rules, the dashboard, the change-control log, the governors' report,
 * and the block page as the filter's signed redirect leads to it). Checked as
 * {@link ScriptPayloadBrowserTest} checks stored records. The policy in force is changed, so the
 * class runs in an application context of its own (its own database, with the test category lists
 * so the filter blocks a page under the changed activity) and closes it after: no other class sees
 * this school's name.
 */
@BrowserTest
@TestPropertySource(properties = "lantern.filter.lists=src/test/resources/filtering/lists")
@DirtiesContext
class PolicyTextScriptBrowserTest {

    private static final Map<String, String> IDS = new ConcurrentHashMap<>();

    @Autowired
    AccountService accountService;
    @Autowired
    PolicyService policies;
    @Autowired
    FilterService filter;
    @Autowired
    BlockLinkSigner blockLinks;

    static Stream<ScriptPayloadBrowserTest.Visit> pages() {
        return Stream.of(
                new ScriptPayloadBrowserTest.Visit(Role.ADMIN, "/policy", true),
                new ScriptPayloadBrowserTest.Visit(Role.GOVERNOR, "/policy", true),
                new ScriptPayloadBrowserTest.Visit(Role.ADMIN, "/policy/history", true),
                new ScriptPayloadBrowserTest.Visit(Role.ADMIN, "/policy/history/{version}", true),
                new ScriptPayloadBrowserTest.Visit(Role.ADMIN, "/policy/diff?from={before}&to={version}", true),
                new ScriptPayloadBrowserTest.Visit(Role.ADMIN, "/policy/edit", false),
                new ScriptPayloadBrowserTest.Visit(Role.PUPIL, "/policy/pupils", true),
                new ScriptPayloadBrowserTest.Visit(Role.GOVERNOR, "/policy/pupils", true),
                new ScriptPayloadBrowserTest.Visit(Role.DSL, "/", true),
                new ScriptPayloadBrowserTest.Visit(Role.ADMIN, "/change-control", true),
                new ScriptPayloadBrowserTest.Visit(Role.GOVERNOR, "/reports/governors", false),
                new ScriptPayloadBrowserTest.Visit(null, "{blocked}", true));
    }

    @BeforeEach
    void putThePayloadsInForce() throws Exception {
        synchronized (IDS) {
            if (IDS.containsKey("blocked")) {
                return;
            }
            for (Role role : List.of(Role.ADMIN, Role.DSL, Role.PUPIL, Role.GOVERNOR)) {
                BrowserAccounts.ensure(accountService, ScriptPayloadBrowserTest.username(role), role);
            }
            PolicyVersion before = policies.current().orElseThrow();
            String yaml = PolicyParser.withSchoolName(before.yaml(), "School " + PAYLOAD);
            String activity = "text: \"Online gambling\"";
            String category = "    name: Gambling\n";
            assertThat(yaml).contains(activity, category);
            yaml = yaml.replace(activity, "text: 'Online gambling " + SHORT + "'")
                    .replace(category, "    name: 'Gambling " + SHORT + "'\n");
            PolicyVersion version = policies.propose(yaml, ScriptPayloadBrowserTest.username(Role.ADMIN),
                    "reason " + PAYLOAD);
            IDS.put("before", Integer.toString(before.number()));
            IDS.put("version", Integer.toString(version.number()));

            // The redirect the ICAP server sends for a page the changed activity blocks, signed as it signs it.
            filter.listsLoaded().get();
            Instant now = Instant.now();
            IcapVerdict verdict = EngineDecider.verdict(filter.decide(DecisionRequest.of("http://casino.example/",
                    "GET", null, "10.0.0.50", now)));
            assertThat(verdict).as("the test list's gambling site is blocked").isInstanceOf(IcapVerdict.Block.class);
            assertThat(((IcapVerdict.Block) verdict).reason()).as("the block's reason quotes the activity")
                    .contains(SHORT);
            IDS.put("blocked", BlockPage.redirectLocation("", "http://casino.example/", (IcapVerdict.Block) verdict,
                    blockLinks, now));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void scriptInThePolicysOwnTextIsShownAsTextAndNeverRun(ScriptPayloadBrowserTest.Visit visit, Browser browser) {
        String path = visit.path();
        for (Map.Entry<String, String> id : IDS.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        List<String> dialogs = ScriptPayloadBrowserTest.open(browser, visit.role(), path);

        ScriptPayloadBrowserTest.assertNothingRan(browser.page(), dialogs, path);
        if (visit.showsPayload()) {
            assertThat(browser.page().locator("body").innerText()).as(path + " shows the policy's words as text")
                    .contains("<img src=x onerror=window.__xss=1>");
        }
    }
}
