package org.lantern.server.browser;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Accepting one's acceptable-use agreement in a real browser, on a desktop and on a phone: a
 * primary pupil reads the rules in words for their age and agrees from the keyboard; a member of
 * staff is taken to their agreement on signing in, from every page, until they agree, and not after.
 */
@BrowserTest
class AgreementBrowserTest {

    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private String linked(String prefix, Role role, String kind, String year) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String username = BrowserAccounts.ensure(accountService, prefix + tag, role);
        long person = TestPeople.person(jdbc, kind, "Ada", "Agree" + tag);
        jdbc.sql("UPDATE person SET account_id = :a, year_group = :y WHERE id = :p")
                .param("a", accounts.idOf(username).orElseThrow()).param("y", year).param("p", person).update();
        return username;
    }


    @ParameterizedTest(name = "{0} CSS pixels wide")
    @ValueSource(ints = {1280, 390})
    void aPrimaryPupilReadsTheirRulesAndAgreesFromTheKeyboard(int width, Browser browser) {
        String pupil = linked("agree.pupil", Role.PUPIL, "PUPIL", "4");
        browser.page().setViewportSize(width, 844);
        Page page = browser.signIn(pupil, BrowserAccounts.PASSWORD);
        assertThat(page).not().hasURL(browser.url("/agreement"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My agreement")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Our rules for using computers and the internet safely");
        assertThat(page.locator("main")).containsText("tell a grown-up straight away");
        Browser.fitsTheScreen(page, "the page");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree")).focus();
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Thank you. You accepted version");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree"))).hasCount(0);
        Browser.fitsTheScreen(page, "the page");
    }

    @ParameterizedTest(name = "{0} CSS pixels wide")
    @ValueSource(ints = {1280, 390})
    void aMemberOfStaffIsAskedOnSigningInUntilTheyAgree(int width, Browser browser) {
        String staff = linked("agree.staff", Role.STAFF, "STAFF", null);
        browser.page().setViewportSize(width, 844);
        Page page = browser.signIn(staff, BrowserAccounts.PASSWORD);

        assertThat(page).hasURL(browser.url("/agreement"));
        assertThat(page.locator("main")).containsText("Please read this agreement and accept it before you carry on.");
        assertThat(page.locator("main")).containsText("Designated Safeguarding Lead");
        browser.open("/people");
        assertThat(page).hasURL(browser.url("/agreement"));
        Browser.fitsTheScreen(page, "the page");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Thank you.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Carry on")).click();
        assertThat(page).hasURL(browser.url("/"));
        browser.open("/people");
        assertThat(page).hasURL(browser.url("/people"));
    }
}
