package org.lantern.server.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.registers.consents.ConsentForm;
import org.lantern.server.registers.consents.Consents;
import org.lantern.server.registers.consents.NeverPublish;
import org.lantern.server.registers.consents.NeverPublishReason;
import org.lantern.server.registers.consents.PhotoUse;
import org.lantern.server.registers.consents.Publications;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The consent register in a real browser, on a desktop and on a phone: the office withdraws a
 * pupil's consent from the keyboard, sees the takedown tasks it created, with their owner and due
 * date, and marks one done; a teacher opens the "who may not be photographed" list for a class,
 * which fits a phone's screen and prints without the menus and form.
 */
@BrowserTest
class ConsentBrowserTest {

    @Autowired
    AccountService accountService;
    @Autowired
    Consents consents;
    @Autowired
    Publications publications;
    @Autowired
    NeverPublish neverPublish;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = SchoolTime.today();

    private long pupil(String last, String className) {
        long id = TestPeople.pupil(jdbc, "Ada", last);
        jdbc.sql("UPDATE person SET registration_class = :c WHERE id = :id").param("c", className).param("id", id).update();
        return id;
    }

    private void give(long pupil, PhotoUse use) {
        consents.record(pupil, new ConsentForm(use, true, "Grace Parent", null, today.minusDays(20), null), null, null,
                "office", Consents.Mode.EITHER);
    }


    @ParameterizedTest(name = "{0} CSS pixels wide")
    @ValueSource(ints = {1280, 390})
    void theOfficeWithdrawsConsentAndWorksTheTakedownTasksItCreated(int width, Browser browser) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String office = BrowserAccounts.ensure(accountService, "consent.office" + tag, Role.OFFICE);
        long pupil = pupil("Withdraw" + tag, "W" + tag.substring(0, 3));
        give(pupil, PhotoUse.WEBSITE);
        publications.record(new Publications.Draft(PhotoUse.WEBSITE, "Gallery " + tag, "https://school.example/" + tag,
                today.minusDays(3), office, Set.of(pupil)), "office");
        publications.record(new Publications.Draft(PhotoUse.WEBSITE, "Newsletter " + tag, "https://school.example/n" + tag,
                today.minusDays(2), office, Set.of(pupil)), "office");
        browser.page().setViewportSize(width, 844);
        Page page = browser.signIn(office, BrowserAccounts.PASSWORD);

        browser.open("/registers/consents/people/" + pupil);
        page.getByLabel("School website").check();
        page.getByLabel("Withdrawn by").fill("Grace Parent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw consent")).focus();
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("2 takedown tasks were created.");
        assertThat(page.locator("#uses")).containsText("Withdrawn on");
        Browser.fitsTheScreen(page, "the page");

        page.getByLabel("School website").check();
        page.getByLabel("Withdrawn by").fill("Grace Parent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw consent")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("was already withdrawn on");

        browser.open("/registers/consents/takedowns");
        Locator row = page.locator("#takedowns tr", new Page.LocatorOptions().setHasText("Gallery " + tag));
        assertThat(row).containsText(office);
        assertThat(row).containsText(today.plusDays(7).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        Browser.fitsTheScreen(page, "the page");
        row.getByLabel("What was done").fill("Removed from the gallery.");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark done")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is out of \"Gallery " + tag + "\"");
        assertThat(page.locator("#takedowns")).not().containsText("Gallery " + tag);
        assertThat(page.locator("#takedowns")).containsText("Newsletter " + tag);
    }

    @ParameterizedTest(name = "{0} CSS pixels wide")
    @ValueSource(ints = {1280, 390})
    void aTeacherPrintsWhoMayNotBePhotographedForAClass(int width, Browser browser) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String className = "P" + tag.substring(0, 3);
        String teacher = BrowserAccounts.ensure(accountService, "consent.teacher" + tag, Role.STAFF);
        long none = pupil("Nophotos" + tag, className);
        long flagged = pupil("Flagged" + tag, className);
        long some = pupil("Nopress" + tag, className);
        long all = pupil("Everything" + tag, className);
        for (PhotoUse use : PhotoUse.values()) {
            give(flagged, use);
            give(all, use);
            if (use != PhotoUse.PRESS) {
                give(some, use);
            }
        }
        neverPublish.set(flagged, NeverPublishReason.COURT_ORDER, "Whereabouts not to be disclosed.", "dsl");
        browser.page().setViewportSize(width, 844);
        Page page = browser.signIn(teacher, BrowserAccounts.PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registers")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who may not be photographed")).click();
        page.getByLabel(className).check();
        page.getByLabel("Trip or event").fill("Museum trip");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the list")).click();

        Locator list = page.locator("#no-photos");
        assertThat(list.locator("li")).hasCount(3);
        assertThat(list.locator("li", new Locator.LocatorOptions().setHasText("Nophotos" + tag))).containsText("no photographs at all");
        assertThat(list.locator("li", new Locator.LocatorOptions().setHasText("Flagged" + tag))).containsText("no photographs at all");
        assertThat(list.locator("li", new Locator.LocatorOptions().setHasText("Nopress" + tag))).containsText("not for local press");
        assertThat(list).not().containsText("Everything" + tag);
        assertThat(page.locator("main")).not().containsText("Court order");
        assertThat(page.locator("main")).containsText("Museum trip");
        Browser.fitsTheScreen(page, "the page");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("main form")).isHidden();
        assertThat(page.locator("header.site-header")).isHidden();
        assertThat(list).isVisible();
        Browser.fitsTheScreen(page, "the page");
    }
}
