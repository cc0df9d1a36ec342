package org.lantern.server.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@BrowserTest
class LogonHistoryBrowserTest {

    @Autowired
    AccountService accounts;

    @Test
    void failedLogonAppearsInTheHistoryTheDslReads(Browser browser) {
        String dsl = BrowserAccounts.ensure(accounts, "b.dsl", Role.DSL);
        String victim = BrowserAccounts.ensure(accounts, "b.victim", Role.STAFF);
        browser.signIn(victim, "not-the-password");

        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/audit/logons?username=" + victim);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Logon history");
        assertThat(page.locator("table")).containsText(victim);
        assertThat(page.locator("table")).containsText("Bad password");
    }

    @Test
    void teacherIsDeniedTheLogonHistoryPage(Browser browser) {
        String teacher = BrowserAccounts.ensure(accounts, "b.teacher", Role.STAFF);
        Page page = browser.signIn(teacher, BrowserAccounts.PASSWORD);

        var response = page.navigate(browser.url("/audit/logons"));

        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("You do not have permission");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logon history"))).hasCount(0);
    }
}
