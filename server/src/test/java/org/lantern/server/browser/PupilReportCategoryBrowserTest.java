package org.lantern.server.browser;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.ConcernReports;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DSL reads a pupil's own report and, from the keyboard alone, chooses the concern it is: the
 * concern's steps appear as the record's actions, for the record and for the child, on a desktop
 * and on a phone.
 */
@BrowserTest
class PupilReportCategoryBrowserTest {

    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConcernReports reports;

    private static Locator actionRow(Page page, String action) {
        return page.locator("#actions + .table-wrap").getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText(action));
    }

    @ParameterizedTest(name = "{0} CSS pixels wide")
    @ValueSource(ints = {1280, 390})
    void theDslChoosesGroomingFromTheKeyboardAndSeesItsSteps(int width, Browser browser) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String dsl = BrowserAccounts.ensure(accountService, "prc.b.dsl", Role.DSL);
        String pupilAccount = BrowserAccounts.ensure(accountService, "prc.b.pupil" + tag, Role.PUPIL);
        long accountId = accounts.idOf(pupilAccount).orElseThrow();
        long pupil = TestPeople.pupil(jdbc, "Ada", "Report" + tag);
        jdbc.sql("UPDATE person SET account_id = :a WHERE id = :p").param("a", accountId).param("p", pupil).update();
        reports.report(new ConcernReports.Report("Someone in a game keeps asking me to video call and keep it secret.",
                null, null, null, false, null), new ConcernReports.Reporter(new Viewer(accountId, pupilAccount, false), "10.0.0.7"));

        browser.page().setViewportSize(width, 844);
        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/incidents/child-protection");
        page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Ada Report" + tag))
                .first().getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("main")).containsText("Someone in a game keeps asking me to video call");
        assertThat(page.locator("main")).containsText("the concern is not chosen yet");

        Locator concern = page.getByLabel("Concern", new Page.GetByLabelOptions().setExact(true));
        concern.focus();
        page.keyboard().type("Online g");
        assertThat(concern).hasValue("grooming");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose this concern"))).isFocused();
        BoundingBox button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose this concern"))
                .boundingBox();
        BoundingBox select = concern.boundingBox();
        assertThat(button.x + button.width).as("button inside the viewport").isLessThanOrEqualTo(width);
        assertThat(select.x + select.width).as("select inside the viewport").isLessThanOrEqualTo(width);
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Concern chosen: its steps are now tracked actions.");
        assertThat(page.locator("main")).containsText("Online grooming");
        assertThat(page.locator("main")).containsText("The pupil, signed in as " + pupilAccount);
        assertThat(page.locator("#category")).hasCount(0);
        assertThat(actionRow(page, "Report to the police or to CEOP")).containsText("The record");
        assertThat(actionRow(page, "Agree support for the child")).containsText("Ada Report" + tag);
        assertThat(page.locator("#actions + .table-wrap")).not().containsText("Removal of network");
        assertThat(page.locator("main")).containsText("Category set to Online grooming by " + dsl);
    }
}
