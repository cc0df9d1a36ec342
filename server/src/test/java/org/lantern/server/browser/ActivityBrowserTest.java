package org.lantern.server.browser;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.server.alerts.Alert;
import org.lantern.server.alerts.AlertFixtures;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The DSL searches the activity log in Chromium, at a desktop's width and a phone's: finds a pupil
 * by typing part of their name and choosing the suggestion with the keyboard, reads their timeline
 * (the chart, blocked attempts, searches) and their requests, then opens an alert about them and
 * follows it to their browsing in the hour either side. The page never scrolls sideways. Each run
 * leaves a screenshot in {@code target/screenshots}.
 */
@BrowserTest
class ActivityBrowserTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ActivityStore store;
    @Autowired
    AlertRegister alerts;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} pixels wide")
    @ValueSource(ints = {1280, 390})
    void theDslSearchesAPupilsBrowsingAndOpensItAroundAnAlert(int width, Browser browser) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String surname = "Webpupil" + tag;
        String user = "wp." + tag;
        long pupil = TestPeople.pupil(jdbc, "Ada", surname);
        store.append("activity-browser-" + tag, List.of(
                row(now.minus(5, ChronoUnit.HOURS), pupil, user, "http://early.example/" + tag, "ALLOW", null),
                row(now.minus(2, ChronoUnit.HOURS), pupil, user, "http://games.example/" + tag, "BLOCK", null),
                row(now.minus(100, ChronoUnit.MINUTES), pupil, user, "https://www.google.com/search?q=" + tag, "ALLOW",
                        "revision " + tag)));
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/" + tag, pupil, "Ada " + surname, user,
                "10.63.0.4", now.minus(2, ChronoUnit.HOURS)));

        browser.page().setViewportSize(width, width < 600 ? 844 : 900);
        Page page = browser.signIn(BrowserAccounts.ensure(accounts, "b.activity.dsl", Role.DSL), BrowserAccounts.PASSWORD);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Activity").setExact(true)).click();

        Locator person = page.getByLabel("Person");
        person.focus();
        person.pressSequentially(surname.substring(0, 12));
        Locator suggestion = page.locator("#person-suggestions option");
        assertThat(suggestion).hasAttribute("value", "Ada " + surname + " · Year 7 #" + pupil);
        person.fill(suggestion.getAttribute("value"));
        Locator search = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"));
        search.focus();
        search.press("Enter");

        assertThat(page.locator("main")).containsText("Requests of Ada " + surname);
        assertThat(page.locator("#hours-chart rect")).not().hasCount(0);
        assertThat(page.locator("#blocked-attempts")).containsText("games.example/" + tag);
        assertThat(page.locator("#searches-typed")).containsText("revision " + tag);
        assertThat(page.locator("#activity-rows")).containsText("early.example/" + tag);
        Browser.fitsTheScreen(page, "the page");
        screenshot(page, "search-" + width);

        browser.open("/alerts/" + alert.id());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Browsing around this moment")).click();

        assertThat(page.locator("#around")).containsText("Showing the hour either side of");
        assertThat(page.locator("#activity-rows")).containsText("games.example/" + tag);
        assertThat(page.locator("#activity-rows")).containsText("www.google.com/search?q=" + tag);
        assertThat(page.locator("#activity-rows")).not().containsText("early.example/" + tag);
        Browser.fitsTheScreen(page, "the page");
        screenshot(page, "around-" + width);
    }

    /** The headteacher turns names on for the network manager from the activity page, by keyboard, on a phone. */
    @org.junit.jupiter.api.Test
    void theHeadteacherChangesWhetherTheNetworkManagerSeesNamesOnAPhone(Browser browser) {
        jdbc.sql("DELETE FROM activity_names_setting").update();
        try {
            browser.page().setViewportSize(390, 844);
            Page page = browser.signIn(BrowserAccounts.ensure(accounts, "b.activity.head", Role.HEADTEACHER),
                    BrowserAccounts.PASSWORD);
            browser.open("/activity");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Whether the network manager sees names")).click();
            assertThat(page.locator("#names-now")).containsText("does not see names");

            page.getByLabel("sees pupils' names and may search by person").check();
            page.getByLabel("Reason for the change").fill("The network manager is also a deputy DSL.");
            page.getByLabel("Reason for the change").press("Enter");

            assertThat(page.locator("[role=status]")).containsText("now sees pupils' names");
            assertThat(page.locator("#names-now")).containsText("the network manager sees names.");
            assertThat(page.locator("#names-history")).containsText("The network manager is also a deputy DSL.");
            Browser.fitsTheScreen(page, "the page");
            screenshot(page, "settings-390");
        } finally {
            jdbc.sql("DELETE FROM activity_names_setting").update();
        }
    }

    private static ActivityRow row(Instant at, long personId, String user, String url, String action, String term) {
        String host = url.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        return new ActivityRow(at, personId, user, "pupils", "7", "10.63.0.4", null, "GET", host, host, url,
                action.equals("BLOCK") ? "games" : "search", null, action, "CATEGORY", 1L, term, false, null, null,
                "lantern");
    }


    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/screenshots/activity-" + name + ".png")));
    }
}
