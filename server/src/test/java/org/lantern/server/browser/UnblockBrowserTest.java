package org.lantern.server.browser;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.Locator;
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
class UnblockBrowserTest {

    @Autowired
    AccountService accounts;

    @Test
    void aTeacherAsksTheDslGrantsAndTheChangeControlLogShowsBothSteps(Browser browser) {
        String teacher = BrowserAccounts.ensure(accounts, "b.teacher.unblock", Role.STAFF);
        String dsl = BrowserAccounts.ensure(accounts, "b.dsl.unblock", Role.DSL);
        String until = LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(5).truncatedTo(ChronoUnit.MINUTES).toString();

        Page page = browser.signIn(teacher, BrowserAccounts.PASSWORD);
        browser.open("/unblock/request?url=" + "https://www.anti-racism-study.example/history");
        page.getByLabel("The whole site").check();
        page.getByLabel("Key Stage 4").check();
        page.getByLabel("Reason (what is being studied and why the site is needed)").fill("Year 10 PSHE unit on racism");
        page.getByLabel("Until").fill(until);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("sent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/unblock");
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("www.anti-racism-study.example"));
        row.getByLabel("Reason for your decision").fill("Agreed with the head of PSHE");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Grant")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("granted");

        browser.open("/change-control?kind=unblock");
        Locator log = page.locator("table");
        assertThat(log).containsText("Unblock requested");
        assertThat(log).containsText("Year 10 PSHE unit on racism");
        assertThat(log).containsText("Unblock granted");
        assertThat(log).containsText("Agreed with the head of PSHE");
    }
}
