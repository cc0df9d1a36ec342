package org.lantern.server.browser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registers in a real browser at phone width (390 CSS pixels): the Registers page, reached
 * from the navigation's one link, lists the headteacher's registers with their counts on the
 * screen and opens one from the keyboard; the office records a training completion with its
 * certificate; a teacher asks for a cloud service, and the network manager and the headteacher
 * each approve it from their phones; the office opens "Due this month" from the Registers page and
 * chooses when the weekly email goes.
 */
@BrowserTest
class RegistersBrowserTest {

    private static final int PHONE = 390;

    @Autowired
    AccountService accountService;
    @Autowired
    JdbcClient jdbc;


    private static Page signInAs(Browser browser, String username) {
        browser.page().context().clearCookies();
        browser.page().setViewportSize(PHONE, 844);
        return browser.signIn(username, BrowserAccounts.PASSWORD);
    }

    private String account(String prefix, Role role) {
        return BrowserAccounts.ensure(accountService, prefix + UUID.randomUUID().toString().substring(0, 8), role);
    }

    @Test
    void theRegistersPageFitsAPhoneAndOpensARegisterFromTheKeyboard(Browser browser) {
        Page page = signInAs(browser, account("reg.head", Role.HEADTEACHER));
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Loans"))).hasCount(0);
        nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Registers")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Registers").setLevel(1)))
                .isVisible();
        Locator cards = page.locator("#registers > li");
        assertThat(cards).hasCount(10);
        Locator loans = cards.filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Loans").setExact(true))));
        assertThat(loans).containsText("overdue");
        assertThat(cards.filter(new Locator.FilterOptions().setHasText("Software licences")).first())
                .containsText("within 60 days");
        Browser.fitsTheScreen(page, "the page");
        for (int i = 0; i < cards.count(); i++) {
            var box = cards.nth(i).boundingBox();
            assertThat(box.x + box.width).as("card %s inside the screen", i).isLessThanOrEqualTo(PHONE);
        }

        loans.getByRole(AriaRole.LINK).focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/registers/loans");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Loans");
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Registers")))
                .hasAttribute("aria-current", "page");
    }

    @Test
    void theOfficeRecordsACompletionWithItsCertificateOnAPhone(Browser browser) {
        long person = TestPeople.person(jdbc, "STAFF", "Cora", TestPeople.unique("Course"));
        jdbc.sql("UPDATE person SET start_date = :s WHERE id = :id").param("s", LocalDate.of(2021, 9, 1))
                .param("id", person).update();
        Page page = signInAs(browser, account("reg.office", Role.OFFICE));

        browser.open("/registers/training/people/" + person);
        assertThat(page.locator("#standings")).containsText("Cyber security");
        Browser.fitsTheScreen(page, "the page");
        page.getByLabel("Course").selectOption(new SelectOption().setLabel("Cyber security"));
        page.getByLabel("Completed on").fill(SchoolTime.today().toString());
        page.getByLabel("Evidence (optional)").fill("NCSC Top Tips for Staff");
        page.getByLabel("Certificate (optional)").setInputFiles(new FilePayload("certificate.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the completion")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The completion is recorded.");
        Locator row = page.locator("#standings tr", new Page.LocatorOptions().setHasText("Cyber security"));
        assertThat(row).containsText("Up to date");
        assertThat(page.locator("#completions")).containsText("Certificate: certificate.pdf");
        Browser.fitsTheScreen(page, "the page");
    }

    @Test
    void aTeachersRequestIsApprovedByTheNetworkManagerAndTheHeadOnTheirPhones(Browser browser) {
        String service = "Quizlet " + UUID.randomUUID().toString().substring(0, 6);
        Page page = signInAs(browser, account("reg.teacher", Role.STAFF));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registers")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cloud services")).click();
        page.getByLabel("Service").fill(service);
        page.getByLabel("What it is for").fill("Vocabulary practice in French");
        page.getByLabel("What data it would hold").fill("Pupils' first names and scores");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for approval")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is sent to the ICT manager and a senior leader");
        assertThat(page.locator("#status")).hasText("Waiting for approval");
        Browser.fitsTheScreen(page, "the page");
        String servicePath = page.url().substring(page.url().indexOf("/registers/cloud/"));

        for (Role approver : new Role[] {Role.ADMIN, Role.HEADTEACHER}) {
            signInAs(browser, account("reg." + approver.name().toLowerCase(), approver));
            browser.open(servicePath);
            Browser.fitsTheScreen(page, "the page");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
        }

        assertThat(page.getByRole(AriaRole.STATUS)).containsText(service + " is approved");
        assertThat(page.locator("#status")).hasText("Approved");
        assertThat(page.locator("#ict")).containsText("approved by reg.admin");
        assertThat(page.locator("#senior")).containsText("approved by reg.headteacher");
        browser.open("/registers/cloud");
        assertThat(page.locator("#approved")).containsText(service);
        Browser.fitsTheScreen(page, "the page");
    }

    @Test
    void theOfficeOpensDueThisMonthAndChoosesWhenTheWeeklyEmailGoesOnAPhone(Browser browser) {
        String office = account("reg.office", Role.OFFICE);
        Page page = signInAs(browser, office);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registers")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Due this month")).click();
        page.waitForURL("**/registers/due");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Due this month");
        Browser.fitsTheScreen(page, "the page");

        page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Friday"));
        page.getByLabel("Hour (0 to 23, school time)").fill("15");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save when the email goes")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The weekly email goes each Friday at 15:00 from now on.");
        assertThat(page.locator("#email")).containsText("Each Friday at 15:00");
        assertThat(page.locator("#email")).containsText("Chosen by " + office);
        Browser.fitsTheScreen(page, "the page");
        var button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save when the email goes"))
                .boundingBox();
        assertThat(button.x + button.width).as("the button inside the screen").isLessThanOrEqualTo(PHONE);
    }
}
