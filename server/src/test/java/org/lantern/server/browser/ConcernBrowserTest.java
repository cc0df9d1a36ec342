package org.lantern.server.browser;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Recording concerns about a child in a real browser: a disclosure, and bullying with two roles. */
@BrowserTest
class ConcernBrowserTest {

    @Autowired
    AccountService accountService;
    @Autowired
    JdbcClient jdbc;

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator actionRow(Page page, String action) {
        return page.locator("#actions + .table-wrap").getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText(action));
    }

    private static void findPeople(Page page, String surname) {
        page.getByLabel("Search for people by name").fill(surname);
        button(page, "Search").click();
    }

    @Test
    void aDisclosureKeepsItsChildProtectionChoiceThroughAFormErrorAndBringsNoSanction(Browser browser) {
        String teacher = BrowserAccounts.ensure(accountService, "c.teacher", Role.STAFF);
        String dsl = BrowserAccounts.ensure(accountService, "c.dsl", Role.DSL);
        String surname = "Disclosure" + UUID.randomUUID().toString().substring(0, 8);
        TestPeople.pupil(jdbc, "Ada", surname);

        Page page = browser.signIn(teacher, BrowserAccounts.PASSWORD);
        browser.open("/incidents/new");
        page.getByLabel("Concern about a child", EXACT).check();
        findPeople(page, surname);
        page.getByLabel("Role of Ada " + surname).selectOption("at-risk");
        page.getByLabel("Concern (for a concern about a child)").selectOption(new SelectOption().setLabel("Online grooming"));
        page.getByLabel("Child protection", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("What happened, in your own words").fill("Told me about an adult in a game.");
        button(page, "Record").click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Say when it happened.");
        assertThat(page.getByLabel("Child protection", new Page.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(page.getByLabel("Concern about a child", EXACT)).isChecked();
        assertThat(page.getByLabel("Role of Ada " + surname)).hasValue("at-risk");
        assertThat(page.getByLabel("Concern (for a concern about a child)")).hasValue("grooming");
        page.getByLabel("When did it happen?").fill("2025-03-14T10:30");
        button(page, "Record").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Recorded as a child-protection record");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/incidents/child-protection");
        page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Ada " + surname))
                .first().getByRole(AriaRole.LINK).first().click();
        Locator actions = page.locator("#actions + .table-wrap");
        assertThat(actions).containsText("Report to the police or to CEOP");
        assertThat(actions).not().containsText("Removal of network");
        assertThat(actions).not().containsText("Record incident on CPOMS");
        assertThat(actionRow(page, "Agree support for the child")).containsText("Ada " + surname);
        assertThat(page.locator("main")).containsText("At risk");
    }

    @Test
    void aBullyingCaseSupportsTheChildBulliedAndSanctionsTheChildWhoBullied(Browser browser) {
        String dsl = BrowserAccounts.ensure(accountService, "c.dsl2", Role.DSL);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        TestPeople.pupil(jdbc, "Vic", "Bullied" + tag);
        TestPeople.pupil(jdbc, "Bo", "Bully" + tag);

        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/incidents/new");
        page.getByLabel("Concern about a child", EXACT).check();
        findPeople(page, tag);
        page.getByLabel("Role of Vic Bullied" + tag).selectOption("at-risk");
        page.getByLabel("Role of Bo Bully" + tag).selectOption("misuser");
        page.getByLabel("When did it happen?").fill("2025-03-14T10:30");
        page.getByLabel("Concern (for a concern about a child)").selectOption(new SelectOption().setLabel("Cyberbullying"));
        page.getByLabel("Sanctions row").selectOption("offensive-messages");
        page.getByLabel("Behaviour / online safety").check();
        page.getByLabel("What happened, in your own words").fill("Messages in a group chat, every night.");
        button(page, "Record").click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Recorded");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("At risk")))
                .containsText("Vic Bullied" + tag);
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Alleged perpetrator")))
                .containsText("Bo Bully" + tag);
        assertThat(actionRow(page, "Removal of network / internet access rights")).containsText("Bo Bully" + tag);
        assertThat(actionRow(page, "Removal of network / internet access rights")).not().containsText("Vic Bullied" + tag);
        assertThat(actionRow(page, "Help the child block and report")).containsText("Vic Bullied" + tag);
    }
}
