package org.lantern.server.browser;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TermTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The network manager keeps the term dates on a phone (390 CSS pixels wide), reaching the page
 * and its forms with the keyboard: a term whose last day is before its first is refused with the
 * reason and what was typed kept, the corrected term and an INSET day are added and listed in
 * words, and nothing makes the page scroll sideways.
 */
@BrowserTest
class TermDatesBrowserTest {

    private static final int WIDTH = 390;

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        TermTables.clear(jdbc);
    }

    @Test
    void theTermDatesAreKeptOnAPhoneWithTheKeyboard(Browser browser) {
        String admin = BrowserAccounts.ensure(accounts, "b.terms.admin", Role.ADMIN);
        TermTables.clear(jdbc);
        browser.page().setViewportSize(WIDTH, 844);
        Page page = browser.signIn(admin, BrowserAccounts.PASSWORD);
        browser.open("/settings/term-dates");
        assertThat(page.locator("h1")).hasText("Term dates");
        assertThat(page.locator("#no-terms")).isVisible();

        page.getByLabel("Term name").focus();
        page.keyboard().type("Autumn term 2026");
        page.getByLabel("First day of term").fill("2026-12-18");
        page.getByLabel("Last day of term").fill("2026-09-01");
        // A date field's day, month and year each take a Tab, so the button is reached by its focus.
        page.locator("#add-term").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#term-problems")).containsText(
                "Last day of term: 1 Sep 2026 is before the first day, 18 Dec 2026.");
        assertThat(page.getByLabel("Term name")).hasValue("Autumn term 2026");
        assertThat(page.getByLabel("First day of term")).hasValue("2026-12-18");

        page.getByLabel("First day of term").fill("2026-09-01");
        page.getByLabel("Last day of term").fill("2026-12-18");
        page.getByLabel("First day of half-term (optional)").fill("2026-10-26");
        page.getByLabel("Last day of half-term (optional)").fill("2026-10-30");
        page.getByLabel("Last day of half-term (optional)").press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Autumn term 2026 added.");
        assertThat(page.locator("#terms tbody tr")).containsText("Mon 26 Oct to Fri 30 Oct 2026");

        page.getByLabel("Kind").selectOption("INSET");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Staff training");
        page.getByLabel("First day", new Page.GetByLabelOptions().setExact(true)).fill("2026-09-01");
        page.getByLabel("First day", new Page.GetByLabelOptions().setExact(true)).press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("INSET day added: Staff training.");
        assertThat(page.locator("#closures tbody tr")).containsText("Tue 1 Sep 2026");
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as("scrolls sideways").isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/term-dates.png"))
                .setFullPage(true));
    }
}
