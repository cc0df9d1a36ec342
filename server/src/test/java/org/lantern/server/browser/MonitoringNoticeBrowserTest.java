package org.lantern.server.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** "What Lantern monitors" on a phone, reached from the sign-in page without signing in. */
@BrowserTest
class MonitoringNoticeBrowserTest {

    private static final int WIDTH = 390;

    @Test
    void aPupilOnAPhoneOpensItFromTheSignInPageAndReadsItWithoutScrollingSideways(Browser browser) {
        browser.page().setViewportSize(WIDTH, 844);
        Page page = browser.open("/login");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("What Lantern monitors").setExact(true)).click();

        assertThat(page.locator("h1")).hasText("What Lantern monitors");
        assertThat(page.locator("#topic-self-harm")).hasText("Self-harm");
        assertThat(page.locator("#alert-roles")).containsText("Designated Safeguarding Lead");
        assertThat(page.locator("#kept-activity")).containsText("deleted automatically");
        Browser.fitsTheScreen(page, "the page");
    }
}
