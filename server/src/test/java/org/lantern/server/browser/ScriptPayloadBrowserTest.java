package org.lantern.server.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.server.alerts.AlertFixtures;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.alerts.AlertTriage;
import org.lantern.server.dataprotection.BreachRegister;
import org.lantern.server.dataprotection.SubjectAccessRequests;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.ConcernReports;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.incidents.evidence.EvidenceService;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.unblocking.UnblockDraft;
import org.lantern.server.unblocking.Unblocks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script in every text a user can store or send, rendered by a real Chromium on every page that
 * shows it, as the roles that see it. A pupil's words, a person's name from the MIS, an unblock
 * reason, a breach summary or an account's display name each reach other people's screens, and
 * one unescaped field would run in the DSL's or the administrator's session. So, page by page:
 * nothing from a payload runs ({@code window.__xss} stays unset and no dialog opens), no element or
 * handler attribute or {@code javascript:} link from a payload is in the document, the payload is
 * shown as the text it is where the page shows stored records, and (checked for every browser
 * test) the Content-Security-Policy was never needed to stop anything. Query parameters that
 * search, filter and error pages echo are tried the same way.
 */
@BrowserTest
class ScriptPayloadBrowserTest {

    /** Closes an attribute and a tag, then tries an image handler, an SVG handler and a script. */
    static final String PAYLOAD = "\"'><img src=x onerror=window.__xss=1><svg onload=window.__xss=1>"
            + "<script>window.__xss=1</script>";
    /** Short enough for a name column. */
    static final String SHORT = "\"><img src=x onerror=window.__xss=1>";
    static final String JAVASCRIPT_LINK = "javascript:window.__xss=1";

    /** Anything a payload could have put in the document, had it been parsed as markup. */
    private static final String INJECTED = "img[src='x'], svg[onload], script:not([src]), [onerror], [onload], "
            + "a[href^='javascript:' i], iframe, object, embed";

    private static final Map<String, String> IDS = new ConcurrentHashMap<>();

    @Autowired
    AccountService accountService;
    @Autowired
    IncidentService incidents;
    @Autowired
    EvidenceService evidence;
    @Autowired
    Unblocks unblocks;
    @Autowired
    BreachRegister breaches;
    @Autowired
    SubjectAccessRequests subjectAccess;
    @Autowired
    AlertRegister alerts;
    @Autowired
    AlertTriage triage;
    @Autowired
    ConcernReports concerns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivityStore activity;

    /** One page, the role that opens it, and whether it shows the stored payload itself. */
    record Visit(Role role, String path, boolean showsPayload) {
        @Override
        public String toString() {
            return role + " " + path;
        }
    }

    static Stream<Visit> storedPages() {
        return Stream.of(
                new Visit(Role.DSL, "/", true),
                new Visit(Role.STAFF, "/", false),
                new Visit(Role.DSL, "/incidents", true),
                new Visit(Role.DSL, "/incidents/{incident}", true),
                new Visit(Role.STAFF, "/incidents/{incident}", true),
                new Visit(Role.DSL, "/incidents/child-protection", false),
                new Visit(Role.DSL, "/incidents/{concern}", true),
                new Visit(Role.DSL, "/incidents/{incident}/evidence/{link}", true),
                new Visit(Role.DSL, "/incidents/{incident}/evidence/{note}", true),
                new Visit(Role.DSL, "/people/{person}/chronology", true),
                new Visit(Role.DSL, "/alerts", true),
                new Visit(Role.DSL, "/alerts/{alert}", true),
                new Visit(Role.DSL, "/alerts/people/{person}", true),
                new Visit(Role.DSL, "/reports/weekly", false),
                new Visit(Role.ADMIN, "/people", true),
                new Visit(Role.ADMIN, "/people/{person}", true),
                new Visit(Role.ADMIN, "/people/register", false),
                new Visit(Role.ADMIN, "/unblock", true),
                new Visit(Role.STAFF, "/unblock/mine", true),
                new Visit(Role.ADMIN, "/change-control", true),
                new Visit(Role.ADMIN, "/data-protection", false),
                new Visit(Role.ADMIN, "/data-protection/breaches", true),
                new Visit(Role.ADMIN, "/data-protection/breaches/{breach}", true),
                new Visit(Role.ADMIN, "/data-protection/subject-access", true),
                new Visit(Role.ADMIN, "/data-protection/subject-access/{sar}", true),
                new Visit(Role.ADMIN, "/data-protection/subject-access/{sar}/export", false),
                new Visit(Role.ADMIN, "/accounts", true),
                new Visit(Role.ADMIN, "/audit/logons", false),
                new Visit(Role.ADMIN, "/retention", false),
                new Visit(Role.ADMIN, "/filtering/bypass-attempts", false),
                new Visit(Role.DSL, "/activity?person={person}", true),
                new Visit(Role.ADMIN, "/activity?ip=10.0.0.7", true),
                new Visit(Role.DSL, "/activity/people/{person}/searches", false),
                new Visit(Role.ADMIN, "/policy", false),
                new Visit(Role.ADMIN, "/policy/history", false));
    }

    static Stream<Arguments> reflectedPages() {
        String p = java.net.URLEncoder.encode(PAYLOAD, java.nio.charset.StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of(Role.ADMIN, "/people?q=" + p),
                Arguments.of(Role.ADMIN, "/people/register?action=" + p + "&kind=" + p + "&from=" + p + "&to=" + p),
                Arguments.of(Role.ADMIN, "/audit/logons?username=" + p + "&outcome=" + p),
                Arguments.of(Role.ADMIN, "/filtering/bypass-attempts?from=" + p + "&to=" + p),
                Arguments.of(Role.ADMIN, "/change-control?from=" + p + "&to=" + p + "&kind=" + p),
                Arguments.of(Role.ADMIN, "/policy/pupils?q=" + p + "&kind=" + p + "&year=" + p),
                Arguments.of(Role.ADMIN, "/policy/diff?from=" + p + "&to=" + p),
                Arguments.of(Role.DSL, "/reports/weekly?status=" + p + "&kind=" + p + "&from=" + p + "&to=" + p),
                Arguments.of(Role.DSL, "/incidents?status=" + p + "&owner=" + p),
                Arguments.of(Role.DSL, "/activity?person=" + p + "&user=" + p + "&ip=" + p + "&group=" + p + "&year=" + p
                        + "&q=" + p + "&category=" + p + "&action=" + p + "&term=" + p + "&from=" + p + "&to=" + p),
                Arguments.of(Role.DSL, "/activity?around=" + p + "&cursor=" + p),
                Arguments.of(Role.STAFF, "/unblock/request?url=" + p),
                Arguments.of(Role.STAFF, "/unblock/ask?url=" + p),
                Arguments.of(Role.STAFF, "/no-such-page/" + p),
                Arguments.of(Role.STAFF, "/incidents/999999999?x=" + p),
                Arguments.of(null, "/report-concern?url=" + p + "&category=" + p),
                Arguments.of(null, "/blocked?url=" + p + "&category=" + p + "&reason=" + p),
                Arguments.of(null, "/login?error=" + p + "&username=" + p));
    }

    @BeforeEach
    void storePayloadsOnce() {
        synchronized (IDS) {
            if (IDS.containsKey("sar")) {
                return;
            }
            for (Role role : List.of(Role.DSL, Role.STAFF, Role.ADMIN)) {
                String username = username(role);
                long id = accountService.create(username, "Payload " + SHORT, role, BrowserAccounts.PASSWORD, "test");
                if (role.twoFactorRequiredByDefault()) {
                    accountService.setTwoFactorExempt(id, true, "test", "browser test signs in with a password only");
                }
                IDS.put(role.name(), Long.toString(id));
            }
            long dsl = Long.parseLong(IDS.get(Role.DSL.name()));
            long staff = Long.parseLong(IDS.get(Role.STAFF.name()));
            long person = TestPeople.pupil(jdbc, SHORT, "Payload" + SHORT);
            IDS.put("person", Long.toString(person));

            // Recorded by the member of staff, so both they and the DSL see it; due yesterday, so it is on Today.
            Incident incident = incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse", List.of(person),
                    OffsetDateTime.now(ZoneOffset.UTC).minusDays(3), "where " + PAYLOAD, "what " + PAYLOAD,
                    "words " + PAYLOAD, List.of("https://x.example/" + PAYLOAD), RecordKind.BEHAVIOUR, false),
                    new Viewer(staff, username(Role.STAFF), false));
            IDS.put("incident", Long.toString(incident.id()));
            jdbc.sql("UPDATE incident_action SET due_on = :day WHERE incident_id = :id")
                    .param("day", LocalDate.now().minusDays(1)).param("id", incident.id()).update();
            Viewer dslViewer = new Viewer(dsl, username(Role.DSL), true, true);
            IDS.put("link", Long.toString(evidence.addUrl(incident.id(), "https://x.example/?q=" + PAYLOAD, dslViewer,
                    Channel.PAGE).id()));
            IDS.put("note", Long.toString(evidence.addDescription(incident.id(), "note " + PAYLOAD, dslViewer,
                    Channel.PAGE).id()));
            tryJavascriptLink(incident.id(), dslViewer);

            long concern = concerns.report(new ConcernReports.Report("what " + PAYLOAD, "where " + PAYLOAD,
                    "http://x.example/" + PAYLOAD, "games", false, "name " + SHORT, false),
                    new ConcernReports.Reporter(null, "10.0.0.9"));
            IDS.put("concern", Long.toString(concern));

            long alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/" + SHORT, person,
                    "Name " + SHORT, "user" + SHORT, "10.0.0.7", Instant.now())).id();
            IDS.put("alert", Long.toString(alert));
            triage.note(alert, "note " + PAYLOAD, dslViewer);

            Instant now = Instant.now();
            String host = "payload.example";
            activity.append("payload-" + person, List.of(new ActivityRow(now.minusSeconds(60), person, "user" + SHORT,
                    "group" + SHORT, "7", "10.0.0.7", "device" + SHORT, "GET", host, host, "http://" + host + "/" + PAYLOAD,
                    "category" + SHORT, null, "BLOCK", "rule" + SHORT, 1L, "term " + PAYLOAD, false, null, null, "lantern")));
            unblocks.request(new UnblockDraft("http://payload.example/", Scope.DOMAIN, List.of("ks4"), List.of(person),
                    "reason " + PAYLOAD, null, now.plus(Duration.ofDays(7))), username(Role.STAFF), now);

            OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
            IDS.put("breach", Long.toString(breaches.record(new BreachRegister.NewBreach(yesterday, yesterday,
                    "summary " + PAYLOAD, "data " + PAYLOAD, 3), username(Role.ADMIN)).id()));
            IDS.put("sar", Long.toString(subjectAccess.record(new SubjectAccessRequests.NewRequest("Name " + SHORT,
                    "relation " + SHORT, person, LocalDate.now(), true, "note " + PAYLOAD), username(Role.ADMIN)).id()));
        }
    }

    /** A {@code javascript:} link is refused at entry or, if stored, must never become a live link. */
    private void tryJavascriptLink(long incident, Viewer viewer) {
        try {
            evidence.addUrl(incident, JAVASCRIPT_LINK, viewer, Channel.PAGE);
        } catch (RuntimeException refused) {
            // Refused as evidence: the pages checked below hold no javascript: link either way.
        }
    }

    static String username(Role role) {
        return "payload." + role.name().toLowerCase();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedPages")
    void storedScriptIsShownAsTextAndNeverRun(Visit visit, Browser browser) {
        String path = visit.path();
        for (Map.Entry<String, String> id : IDS.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        List<String> dialogs = open(browser, visit.role(), path);
        Page page = browser.page();

        assertNothingRan(page, dialogs, path);
        if (visit.showsPayload()) {
            assertThat(page.locator("body").innerText()).as(path + " shows the stored words as text")
                    .contains("<img src=x onerror=window.__xss=1>");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("reflectedPages")
    void scriptInTheAddressIsNeverRun(Role role, String path, Browser browser) {
        List<String> dialogs = open(browser, role, path);

        assertNothingRan(browser.page(), dialogs, path);
    }

    /** Signs in as {@code role} (unless null), opens {@code path} and returns the dialogs it opened. */
    static List<String> open(Browser browser, Role role, String path) {
        if (role != null) {
            browser.signIn(username(role), BrowserAccounts.PASSWORD);
        }
        List<String> dialogs = new ArrayList<>();
        Page page = browser.page();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        Response response = page.navigate(browser.url(path));
        assertThat(response.status()).as(path).isLessThan(500);
        if (role != null) {
            assertThat(page.url()).as("not sent back to sign in").doesNotContain("/login");
        }
        return dialogs;
    }

    static void assertNothingRan(Page page, List<String> dialogs, String path) {
        assertThat(page.evaluate("() => typeof window.__xss")).as(path + ": window.__xss").isEqualTo("undefined");
        assertThat(page.locator(INJECTED).count()).as(path + ": elements or handlers from a payload").isZero();
        assertThat(dialogs).as(path + ": dialogs").isEmpty();
    }
}
