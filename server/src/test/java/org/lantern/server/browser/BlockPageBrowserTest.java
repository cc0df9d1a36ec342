package org.lantern.server.browser;

import java.time.Instant;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.proxy.block.BlockLinkSigner;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The block page as a pupil meets it: signed by the filter or spoofed, and asking for access from it. */
@BrowserTest
class BlockPageBrowserTest {

    private static final String GAMBLING = "url=https%3A%2F%2Fwww.bet365.com%2Fen%2Fsports&category=gambling"
            + "&reason=This+site+is+in+the+gambling+category%2C+which+the+school+blocks.";

    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlockLinkSigner blockLinks;

    @Test
    void aSpoofedBlockPageShowsNothingItWasGivenAndARealOneShowsTheCategoryAndAddress(Browser browser) {
        Page page = browser.open("/blocked?url=https%3A%2F%2Fschool-login.example%2F&category=account+security"
                + "&reason=Your+school+account+is+locked.+Call+0800+000+000+to+unlock+it.");
        Locator main = page.locator("main");
        assertThat(page.locator("h1")).hasText("This page is blocked");
        assertThat(main).containsText("The school's internet filter stopped a page.");
        assertThat(main).not().containsText("school-login.example");
        assertThat(main).not().containsText("account security");
        assertThat(main).not().containsText("0800");

        browser.open("/blocked?" + blockLinks.sign(GAMBLING, Instant.now()));
        assertThat(main.locator(".blocked-url")).hasText("https://www.bet365.com/en/sports");
        assertThat(main.locator(".blocked-category")).hasText("gambling");
        assertThat(main).containsText("This site is in the gambling category, which the school blocks.");
    }

    @Test
    void aPupilSignsInFromTheBlockPageAndAsksForAccess(Browser browser) {
        String pupil = BrowserAccounts.ensure(accountService, "b.pupil.asks", Role.PUPIL);
        long personId = TestPeople.pupil(jdbc, "Asha", TestPeople.unique("Pupil"));
        people.linkAccount(personId, accounts.idOf(pupil).orElseThrow());

        Page page = browser.open("/blocked?" + blockLinks.sign(GAMBLING, Instant.now()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ask for access")).click();
        page.getByLabel("Username").fill(pupil);
        page.getByLabel("Password").fill(BrowserAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.locator("h1")).hasText("Ask for a blocked page");
        assertThat(page.getByLabel("The page's address")).hasValue("https://www.bet365.com/en/sports");
        page.getByLabel("Why do you need it?").fill("Maths homework on probability and the odds bookmakers give");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my request")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your request was sent");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("www.bet365.com/en/sports")))
                .containsText("Waiting for a member of staff");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The rules for using the internet")).click();
        assertThat(page.locator("h1")).hasText("Rules for using the internet");
        assertThat(page.locator("main")).containsText("They are the rules for Key Stage 3, your group.");
    }
}
