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
class PasswordChangeBrowserTest {

    @Autowired
    AccountService accounts;

    @Test
    void passwordWithoutACapitalIsRejectedNamingTheRule(Browser browser) {
        String teacher = BrowserAccounts.ensure(accounts, "b.changer", Role.STAFF);
        Page page = browser.signIn(teacher, BrowserAccounts.PASSWORD);
        browser.open("/account/password");

        page.getByLabel("Current password").fill(BrowserAccounts.PASSWORD);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("kestrel-moor-73");
        page.getByLabel("New password again").fill("kestrel-moor-73");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("capital letter");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("school policy");
        browser.signIn(teacher, BrowserAccounts.PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Welcome");
    }
}
