package org.lantern.server.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@BrowserTest
class UploadLimitBrowserTest {

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void uploadOverTheServerLimitIsRefusedInPlainWordsAndChangesNothing(Browser browser) {
        String admin = BrowserAccounts.ensure(accounts, "b.admin.upload", Role.ADMIN);
        long people = jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single();
        Page page = browser.signIn(admin, BrowserAccounts.PASSWORD);
        browser.open("/people/import");

        page.getByLabel("CSV file").setInputFiles(new FilePayload("roll.csv", "text/csv", new byte[11 * 1024 * 1024]));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("larger than Lantern accepts (10 MB)");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single())
                .isEqualTo(people);
    }
}
