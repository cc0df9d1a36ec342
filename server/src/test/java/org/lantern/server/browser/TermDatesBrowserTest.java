package org.lantern.server.browser;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TermTables;
import org.lantern.server.terms.TermDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The network manager keeps the term dates on a phone (390 CSS pixels wide), reaching the page
 * and its forms with the keyboard: a term whose last day is before its first is refused with the
 * reason and what was typed kept, the corrected term and an INSET day are added and listed in
 * words, and nothing makes the page scroll sideways. The DSL chooses the school's days and hours
 * with the keyboard, on a phone and on a desktop: a choice with no day is refused with the reason
 * and what was typed kept, and the corrected one is in force and in the history. A term is
 * changed in place from its Change link with the keyboard on a phone. Every refusal moves the
 * focus to its problems, so a screen-reader user hears why.
 */
@BrowserTest
class TermDatesBrowserTest {

    private static final int WIDTH = 390;

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TermDates termDates;

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
        assertThat(page.locator("#term-problems")).isFocused();
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
        Browser.fitsTheScreen(page, "the page");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/term-dates.png"))
                .setFullPage(true));
    }

    @Test
    void aTermIsChangedInPlaceOnAPhoneWithTheKeyboard(Browser browser) {
        String admin = BrowserAccounts.ensure(accounts, "b.terms.admin", Role.ADMIN);
        TermTables.clear(jdbc);
        termDates.addTerm("Autumn term 2026", "2026-09-01", "2026-12-18", "", "", "dsl");
        browser.page().setViewportSize(WIDTH, 844);
        Page page = browser.signIn(admin, BrowserAccounts.PASSWORD);
        browser.open("/settings/term-dates");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Autumn term 2026")).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Change the Autumn term 2026");
        assertThat(page.getByLabel("Term name")).hasValue("Autumn term 2026");
        assertThat(page.getByLabel("First day of term")).hasValue("2026-09-01");
        assertThat(page.getByLabel("Last day of term")).hasValue("2026-12-18");

        // A half-term given by its first day only is refused; the problems take the focus.
        page.getByLabel("First day of half-term (optional)").fill("2026-10-26");
        page.locator("#save-term").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-problems]")).containsText(
                "Half-term: give both its first and last day, or neither.");
        assertThat(page.locator("[data-problems]")).isFocused();
        assertThat(page.getByLabel("First day of half-term (optional)")).hasValue("2026-10-26");

        page.getByLabel("Last day of half-term (optional)").fill("2026-10-30");
        page.getByLabel("Last day of half-term (optional)").press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Autumn term 2026 changed.");
        assertThat(page.locator("#terms tbody tr")).hasCount(1);
        assertThat(page.locator("#terms tbody tr")).containsText("Mon 26 Oct to Fri 30 Oct 2026");
        Browser.fitsTheScreen(page, "the page");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {WIDTH, 1280})
    void theSchoolDaysAndHoursAreChosenWithTheKeyboard(int width, Browser browser) {
        String dsl = BrowserAccounts.ensure(accounts, "b.terms.dsl", Role.DSL);
        browser.page().setViewportSize(width, 844);
        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/settings/term-dates");
        assertThat(page.locator("#hours-now")).containsText("Now: Monday, Tuesday, Wednesday, Thursday, Friday, "
                + "08:00 to 17:00.");

        // Untick Monday to Friday, each tick box a Tab from the last, and save with no day.
        page.locator("#day-monday").focus();
        for (int day = 0; day < 5; day++) {
            page.keyboard().press("Space");
            page.keyboard().press("Tab");
        }
        assertThat(page.locator("#day-saturday")).isFocused();
        page.getByLabel("Reason for the change").fill("Saturday school this term");
        page.getByLabel("Reason for the change").press("Enter");
        assertThat(page.locator("#hours-problems")).containsText(
                "Days: choose at least one day of the week the school is open.");
        assertThat(page.locator("#hours-problems")).isFocused();
        assertThat(page.locator("#day-monday")).not().isChecked();
        assertThat(page.getByLabel("Reason for the change")).hasValue("Saturday school this term");

        page.locator("#day-saturday").focus();
        page.keyboard().press("Space");
        page.getByLabel("School day starts").fill("09:00");
        page.getByLabel("School day ends").fill("12:30");
        page.getByLabel("Reason for the change").press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("School days and hours saved: Saturday, 09:00 to 12:30.");
        assertThat(page.locator("#hours-now")).containsText("Now: Saturday, 09:00 to 12:30.");
        assertThat(page.locator("#hours-history tbody tr").first()).containsText("Saturday, 09:00 to 12:30");
        assertThat(page.locator("#hours-history tbody tr").first()).containsText("Saturday school this term");
        assertThat(page.locator("#day-saturday")).isChecked();
        Browser.fitsTheScreen(page, "the page");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/term-dates-hours-" + width
                + ".png")).setFullPage(true));
    }
}
