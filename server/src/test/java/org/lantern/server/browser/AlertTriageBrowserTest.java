package org.lantern.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.alerts.Alert;
import org.lantern.server.alerts.AlertFixtures;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.filtering.bypass.BypassAttempt;
import org.lantern.server.filtering.bypass.PersistentBypassAttempts;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The DSL triages alerts on a phone (390 CSS pixels wide) with the keyboard alone: takes one into
 * review, assigns it to a deputy, writes a note with script in it (shown as text, never run),
 * closes it as a false positive (then the dashboard counts it), and opens the pupil's alerts
 * together from the alert and from the pupil's record. Nothing makes the page scroll sideways.
 */
@BrowserTest
class AlertTriageBrowserTest {

    private static final int WIDTH = 390;

    @Autowired
    AccountService accounts;
    @Autowired
    AlertRegister alerts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDslTriagesAnAlertOnAPhoneWithTheKeyboardAndSeesThePupilsAlertsTogether(Browser browser) {
        String dsl = BrowserAccounts.ensure(accounts, "b.triage.dsl", Role.DSL);
        BrowserAccounts.ensure(accounts, "b.triage.deputy", Role.DEPUTY_DSL);
        String surname = TestPeople.unique("Triaged");
        long pupil = TestPeople.pupil(jdbc, "Ada", surname);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert first = null;
        for (int i = 0; i < 3; i++) {
            Alert a = alerts.record(AlertFixtures.illegal("http://abuse.invalid/" + surname + "/" + i, pupil,
                    "Ada " + surname, null, null, now.minus(Duration.ofHours(i + 1))));
            first = first == null ? a : first;
        }
        alerts.record(new PersistentBypassAttempts(new BypassAttempt(now, pupil, "Ada " + surname, null, null,
                "vpn.example", "vpn", "POLICY", "BLOCK"), 12, 12, Duration.ofMinutes(30), 3));

        browser.page().setViewportSize(WIDTH, 844);
        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/alerts/" + first.id());
        Browser.fitsTheScreen(page, "the alert");

        page.locator("#take-into-review").focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Alert in review.");

        page.locator("#assignee").focus();
        page.keyboard().type("Browser b.triage.de");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Alert assigned to b.triage.deputy.");
        assertThat(page.locator("#alert-assignee")).hasText("b.triage.deputy");

        page.locator("#note").focus();
        page.keyboard().type("<script>window.__xss = 1</script> Mum says it was a history project.");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Note added.");
        assertThat(page.locator("#notes")).containsText("<script>window.__xss = 1</script> Mum says it was a history project.");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);

        page.locator("#outcome-false-positive").focus();
        page.keyboard().press("Space");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().type("History homework on a listed page: the list is wrong.");
        page.keyboard().press("Tab");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("close-alert");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Alert closed: false positive.");
        assertThat(page.locator("#alert-status")).containsText("Closed: False positive by b.triage.dsl");
        org.assertj.core.api.Assertions.assertThat(page.locator("#close-form").count()).isZero();
        screenshot(page, "closed");

        page.locator("#person-alerts-link").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Alerts about Ada " + surname);
        assertThat(page.locator("#this-week")).containsText("3 alerts (3 requests)");
        assertThat(page.locator("#this-week")).containsText("1 alert (12 attempts)");
        org.assertj.core.api.Assertions.assertThat(page.locator("main table a[href^='/alerts/']").count()).isEqualTo(4);
        assertThat(page.locator("#activity-link")).hasAttribute("href", "/activity?person=" + pupil);
        Browser.fitsTheScreen(page, "the pupil's alerts");
        screenshot(page, "person");

        browser.open("/people/" + pupil);
        page.locator("#person-alerts-link").click();
        assertThat(page.locator("h1")).hasText("Alerts about Ada " + surname);

        browser.open("/");
        // Other browser tests share the database: the row's figures are this week's for the whole group.
        long closed = jdbc.sql("SELECT COUNT(*) FROM filter_alert WHERE status = 'CLOSED' AND kind = 'ILLEGAL_CONTENT' "
                + "AND category_name = 'Illegal-content list iwf-child-abuse'").query(Long.class).single();
        long wrong = jdbc.sql("SELECT COUNT(*) FROM filter_alert WHERE outcome = 'FALSE_POSITIVE' AND kind = "
                + "'ILLEGAL_CONTENT' AND category_name = 'Illegal-content list iwf-child-abuse'").query(Long.class).single();
        Locator row = page.locator("#false-positive-table tr", new Page.LocatorOptions()
                .setHasText("Illegal content: Illegal-content list iwf-child-abuse"));
        assertThat(row.locator("td").last()).hasText(wrong + " of " + closed + " (" + Math.round(100.0 * wrong / closed)
                + "%)");
        assertThat(page.locator("#false-positive-chart")).containsText("Illegal content: Illegal-content list");
        Browser.fitsTheScreen(page, "the dashboard");
    }

    @Test
    void closingAnAlertTwiceOrWithoutANoteSaysWhyOnThePage(Browser browser) {
        String dsl = BrowserAccounts.ensure(accounts, "b.triage.dsl", Role.DSL);
        String surname = TestPeople.unique("Twice");
        long pupil = TestPeople.pupil(jdbc, "Bea", surname);
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/" + surname, pupil, "Bea " + surname, null,
                null, Instant.now()));
        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/alerts/" + alert.id());

        page.getByLabel("Escalated to an incident").check();
        page.getByLabel("Why (kept as a note)").fill("Recorded.");
        page.getByLabel("Incident number (when escalated)").fill("not a number");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close").setExact(true)).click();
        assertThat(page.locator("#problems")).containsText("Incident: give the incident's number, e.g. 42.");
        assertThat(page.getByLabel("Why (kept as a note)")).hasValue("Recorded.");

        Page other = browser.page().context().newPage();
        other.navigate(browser.url("/alerts/" + alert.id()));
        other.getByLabel("No further action").check();
        other.getByLabel("Why (kept as a note)").fill("Spoke to Bea.");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close").setExact(true)).click();
        assertThat(other.getByRole(AriaRole.STATUS)).hasText("Alert closed: no further action.");

        page.getByLabel("False positive").check();
        page.getByLabel("Incident number (when escalated)").fill("");
        page.getByLabel("Why (kept as a note)").fill("Wrong list.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close").setExact(true)).click();
        assertThat(page.locator("#problems")).containsText("Alert " + alert.id()
                + " was already closed by b.triage.dsl (no further action); add a note instead.");
        assertThat(page.locator("#alert-status")).containsText("No further action");
    }


    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/alert-triage-" + name + ".png"))
                .setFullPage(true));
    }
}
