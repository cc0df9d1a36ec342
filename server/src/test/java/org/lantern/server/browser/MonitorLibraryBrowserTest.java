package org.lantern.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.server.alerts.Alert;
import org.lantern.server.alerts.SafeguardingAlerts;
import org.lantern.server.alerts.SafeguardingRisk;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.monitoring.library.LibraryChanges;
import org.lantern.server.monitoring.library.MonitorEngine;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.LibraryTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The DSL edits a monitor library on a phone (390 CSS pixels wide) with the keyboard: finds a
 * phrase, adds one, changes its levels, removes another, sees every version in the history, and is
 * told line by line why a bad CSV changes nothing; then closes a safeguarding alert as a false
 * positive with an exclusion, after which the same words no longer match; and removes a school
 * exclusion, after which they match again.
 */
@BrowserTest
class MonitorLibraryBrowserTest {

    private static final int WIDTH = 390;

    @Autowired
    AccountService accounts;
    @Autowired
    SafeguardingAlerts safeguarding;
    @Autowired
    MonitorEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LibraryChanges changes;

    @AfterEach
    void shipped() {
        LibraryTables.clear(jdbc, engine);
    }

    @Test
    void theDslEditsALibraryOnAPhoneWithTheKeyboard(Browser browser) {
        String dsl = BrowserAccounts.ensure(accounts, "b.library.dsl", Role.DSL);
        browser.page().setViewportSize(WIDTH, 844);
        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/monitoring/libraries");
        Browser.fitsTheScreen(page, "the libraries");
        page.locator("#libraries a", new Page.LocatorOptions().setHasText("gambling")).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Library gambling");

        page.locator("#q").focus();
        page.keyboard().type("bet");
        page.keyboard().press("Enter");
        assertThat(page.locator("#phrases")).containsText("bet365");
        assertThat(page.locator("#phrases")).not().containsText("online casino");
        Browser.fitsTheScreen(page, "a library");

        page.locator("#add-phrase").focus();
        page.keyboard().type("loot box odds");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().type("3");
        page.locator("#add-band-primary").focus();
        page.keyboard().type("4");
        page.locator("#add-reason").focus();
        page.keyboard().type("Year 8 <b>spending</b> on loot boxes");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Phrase added: the library is now at school version 1.");
        assertThat(page.locator("#library-version")).hasText(CuratedLibraries.VERSION + "+school.1");
        assertThat(page.locator("#history")).containsText("Year 8 <b>spending</b> on loot boxes");

        browser.open("/monitoring/libraries/gambling/phrase?phrase=loot%20box%20odds&language=en");
        assertThat(page.locator("#phrase-level-primary")).hasText("4");
        page.locator("#level").fill("");
        page.locator("#level").focus();
        page.keyboard().type("2");
        page.locator("#levels-reason").focus();
        page.keyboard().type("Too many alerts in Year 11");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Levels changed: the library is now at school version 2.");
        assertThat(page.locator("#phrase-level-ks4")).hasText("2");
        Browser.fitsTheScreen(page, "a phrase");

        browser.open("/monitoring/libraries/gambling/phrase?phrase=bet365&language=en");
        page.locator("#remove-reason").focus();
        page.keyboard().type("Sponsor of the school's football kit");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Phrase removed: the library is now at school version 3.");
        assertThat(page.locator("#history tbody tr")).hasCount(3);

        page.getByLabel("CSV file (UTF-8)").setInputFiles(new FilePayload("gambling.csv", "text/csv",
                ("phrase,category,language,level,rule,help_seeking,identity,source,licence\n"
                        + "x,gambling,en,3,alone,false,false,school,CC0-1.0\n"
                        + "free bets,gambling,en,9,alone,false,false,school,CC0-1.0\n").getBytes(StandardCharsets.UTF_8)));
        page.locator("#import-reason").fill("Termly review");
        page.locator("#import-button").click();
        assertThat(page.locator("#problems")).containsText("line 2: ");
        assertThat(page.locator("#problems")).containsText("line 3: level '9' is not a level from 1 to 5");
        assertThat(page.locator("#library-version")).hasText(CuratedLibraries.VERSION + "+school.3");
        assertThat(page.locator("#import-reason")).hasValue("Termly review");
    }

    @Test
    void closingAnAlertAsAFalsePositiveWithAnExclusionStopsTheSameWordsAlerting(Browser browser) {
        String dsl = BrowserAccounts.ensure(accounts, "b.library.dsl", Role.DSL);
        String words = "online casino maths project";
        Alert alert = safeguarding.record(new SafeguardingRisk(Instant.now(), null, "unknown user", "b.lib.pupil",
                "10.0.0.77", "https://www.google.com/search?q=online+casino+maths+project", SafeguardingRisk.Seen.SEARCH,
                "ks4", 3, "gambling", false, "online casino", "online casino", "online casino", words, "alone",
                "lantern-gambling", CuratedLibraries.VERSION, false, 1, Duration.ofHours(24)));
        browser.page().setViewportSize(WIDTH, 844);
        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/alerts/" + alert.id());
        assertThat(page.locator("#exclusion-context")).hasValue(words);
        Browser.fitsTheScreen(page, "the alert");

        page.locator("#outcome-false-positive").focus();
        page.keyboard().press("Space");
        page.locator("#exclude").focus();
        page.keyboard().press("Space");
        page.locator("#exclusion-reason").focus();
        page.keyboard().type("Year 10 probability project");
        page.locator("#close-note").focus();
        page.keyboard().type("A maths project on odds.");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(
                "Alert closed: false positive; the phrase no longer alerts in that context.");

        browser.open("/monitoring/libraries/gambling");
        assertThat(page.locator("#history")).containsText("Exclusion: 'online casino' not in '" + words + "'");
        assertThat(page.locator("#history")).containsText("Year 10 probability project");
        org.assertj.core.api.Assertions.assertThat(engine.matcher().classify(words, AgeBand.KS4).matches()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(engine.matcher().classify("online casino", AgeBand.KS4).matches())
                .isNotEmpty();
    }

    @Test
    void theDslRemovesASchoolExclusionWithTheKeyboardAndThePhraseAlertsThereAgain(Browser browser) {
        String dsl = BrowserAccounts.ensure(accounts, "b.library.dsl", Role.DSL);
        String words = "online casino maths project";
        int made = changes.exclude(Category.GAMBLING, "online casino", words, "Year 10 <i>probability</i> project",
                "b.library.dsl");
        browser.page().setViewportSize(WIDTH, 844);
        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/monitoring/libraries/gambling");
        assertThat(page.locator("#exclusion-" + made)).containsText("'online casino' does not alert in '" + words + "'");
        assertThat(page.locator("#exclusion-" + made)).containsText("Year 10 <i>probability</i> project");
        Browser.fitsTheScreen(page, "the exclusions");

        page.locator("#unexclude-reason-" + made).focus();
        page.keyboard().type("The project has ended");
        page.keyboard().press("Tab");
        assertThat(page.locator("#unexclude-button-" + made)).isFocused();
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Exclusion removed: the library is now at school version 2.");
        assertThat(page.locator("#exclusion-list")).hasCount(0);
        assertThat(page.locator("#exclusions")).containsText("The school has no exclusions in this library.");
        assertThat(page.locator("#history")).containsText("Exclusion removed: 'online casino' alerts again in '" + words + "'");
        assertThat(page.locator("#history")).containsText("The project has ended");
        Browser.fitsTheScreen(page, "the library after the removal");
        org.assertj.core.api.Assertions.assertThat(engine.matcher().classify(words, AgeBand.KS4).matches())
                .extracting(m -> m.phrase()).containsExactly("online casino");
    }

}
