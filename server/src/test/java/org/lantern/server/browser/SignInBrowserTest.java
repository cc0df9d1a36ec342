package org.lantern.server.browser;

import java.util.regex.Pattern;

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
class SignInBrowserTest {

    @Autowired
    AccountService accounts;

    @Test
    void staffMemberSignsInAndSeesTheirDashboard(Browser browser) {
        String teacher = BrowserAccounts.ensure(accounts, "b.signin", Role.STAFF);

        Page page = browser.signIn(teacher, BrowserAccounts.PASSWORD);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Welcome, " + teacher);
    }

    @Test
    void wrongPasswordShowsAnErrorThatTakesTheFocusAndStaysOnSignIn(Browser browser) {
        String teacher = BrowserAccounts.ensure(accounts, "b.signin", Role.STAFF);

        Page page = browser.signIn(teacher, "not-the-password");

        assertThat(page.locator("#login-error")).containsText("username or password is not right");
        assertThat(page.locator("#login-error")).isFocused();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error"));
    }

    @Test
    void signingOutEndsTheSession(Browser browser) {
        String teacher = BrowserAccounts.ensure(accounts, "b.signout", Role.STAFF);
        Page page = browser.signIn(teacher, BrowserAccounts.PASSWORD);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        browser.open("/");

        assertThat(page).hasURL(Pattern.compile(".*/login"));
    }
}
