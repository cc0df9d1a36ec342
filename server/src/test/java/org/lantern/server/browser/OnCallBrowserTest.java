package org.lantern.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.alerts.SafeguardingAlerts;
import org.lantern.server.alerts.SafeguardingRisk;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The DSL keeps the on-call list on a phone (390 CSS pixels wide) with the keyboard alone: a
 * webhook that is not a web address is refused with what was typed kept, people are added and
 * put in order, and an alert going down the list is acknowledged from its page. Nothing makes the
 * page scroll sideways.
 */
@BrowserTest
class OnCallBrowserTest {

    private static final int WIDTH = 390;

    @Autowired
    AccountService accounts;
    @Autowired
    SafeguardingAlerts safeguarding;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDslKeepsTheOnCallListAndAcknowledgesAnAlertOnAPhoneWithTheKeyboard(Browser browser) {
        String dsl = BrowserAccounts.ensure(accounts, "b.oncall.dsl", Role.DSL);
        jdbc.sql("DELETE FROM on_call_person").update();
        browser.page().setViewportSize(WIDTH, 844);
        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/alerts");
        page.locator("#on-call-link").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("On-call list");

        add(page, "Ann Dsl", "ann@school.example", "ftp://sms.example/hook");
        assertThat(page.locator("#problems")).containsText("Webhook: give the full https:// address");
        assertThat(page.locator("#problems")).isFocused();
        assertThat(page.getByLabel("Webhook (optional)")).hasValue("ftp://sms.example/hook");
        assertThat(page.getByLabel("Name")).hasValue("Ann Dsl");

        page.getByLabel("Webhook (optional)").fill("");
        add(page, null, null, "https://sms.example/hooks/lantern?key=a-long-secret-key-of-the-gateway");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Ann Dsl added, number 1 on the list.");
        add(page, "Ben Deputy", "ben@school.example", "");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Ben Deputy added, number 2 on the list.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move Ben Deputy up")).focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Order changed.");
        assertThat(page.locator("#on-call tbody tr").first()).containsText("Ben Deputy");
        Browser.fitsTheScreen(page, "the on-call list");
        screenshot(page, "list");

        long pupil = TestPeople.pupil(jdbc, "Robin", TestPeople.unique("OnCall"));
        long id = safeguarding.record(new SafeguardingRisk(Instant.now(), pupil, "Robin", null, null,
                "https://www.google.com/search?q=x", SafeguardingRisk.Seen.SEARCH, "ks3", 5, "suicide", false, "x",
                "x", "x", null, "alone", "lantern-suicide", "1", false, 1, Duration.ofMinutes(10))).id();
        // Sent down the list as at night, whatever the time the test runs (out of hours, it already was).
        jdbc.sql("INSERT INTO alert_escalation (alert_id, started_at, step, told_name, next_step_at) "
                        + "SELECT :id, :now, 0, 'Ben Deputy', :next FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS "
                        + "(SELECT 1 FROM alert_escalation WHERE alert_id = :id)").param("id", id)
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .param("next", Instant.now().plus(Duration.ofMinutes(15)).atOffset(ZoneOffset.UTC)).update();

        browser.open("/alerts/" + id);
        assertThat(page.locator("#on-call-state")).containsText("Last told: Ben Deputy (number 1)");
        page.locator("#acknowledge").focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Acknowledged: no one else on the on-call list will be told.");
        assertThat(page.locator("#on-call-state")).containsText("Acknowledged by b.oncall.dsl");
        org.assertj.core.api.Assertions.assertThat(page.locator("#acknowledge").count()).isZero();
        Browser.fitsTheScreen(page, "the alert");
        screenshot(page, "acknowledged");
    }

    /** Types into the add form with the keyboard (a null leaves a field as it is) and submits it. */
    private static void add(Page page, String name, String email, String webhook) {
        page.getByLabel("Name").focus();
        if (name != null) {
            page.getByLabel("Name").fill("");
            page.keyboard().type(name);
        }
        page.keyboard().press("Tab");
        if (email != null) {
            page.getByLabel("Email").fill("");
            page.keyboard().type(email);
        }
        page.keyboard().press("Tab");
        page.keyboard().type(webhook);
        page.keyboard().press("Tab");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("add-on-call");
        page.keyboard().press("Enter");
    }


    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/on-call-" + name + ".png"))
                .setFullPage(true));
    }
}
