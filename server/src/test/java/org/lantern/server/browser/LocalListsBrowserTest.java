package org.lantern.server.browser;

import java.util.UUID;

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
class LocalListsBrowserTest {

    private static final String ENTRY_LABEL = "Site (e.g. games.example) or address (e.g. site.example/games)";

    @Autowired
    AccountService accounts;

    private Page addToBlockList(Browser browser, String entry) {
        String admin = BrowserAccounts.ensure(accounts, "b.admin.lists", Role.ADMIN);
        Page page = browser.signIn(admin, BrowserAccounts.PASSWORD);
        browser.open("/filtering/lists");
        page.getByLabel("Block list (always blocked)").check();
        page.getByLabel(ENTRY_LABEL).fill(entry);
        page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill("Distracting in lessons");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        return page;
    }

    @Test
    void theAdminBlocksASiteAndTheFilterBlocksItAtOnce(Browser browser) {
        String site = "b" + UUID.randomUUID().toString().substring(0, 8) + ".example";

        Page page = addToBlockList(browser, site);

        assertThat(page.getByRole(AriaRole.STATUS)).containsText(site + " is now on the block list.");
        browser.open("/api/v1/decision?url=http://www." + site + "/games");
        assertThat(page.locator("body")).containsText("\"action\":\"BLOCK\"");
        assertThat(page.locator("body")).containsText("\"rule\":\"LOCAL_BLOCK\"");
    }

    @Test
    void aBadEntryGetsAClearMessageAndWhatWasTypedIsKept(Browser browser) {
        Page page = addToBlockList(browser, "bad host!.example");

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("\"bad host!.example\" is not a site or address the filter can use");
        assertThat(page.getByLabel(ENTRY_LABEL)).hasValue("bad host!.example");
        assertThat(page.getByLabel(ENTRY_LABEL)).hasAttribute("aria-invalid", "true");
    }
}
