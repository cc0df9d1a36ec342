package org.lantern.server.browser;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.lantern.proxy.block.BlockLinkSigner;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Pupils' reports from the block page, and markup typed into every safeguarding text field. */
@BrowserTest
class SafeguardingBrowserTest {

    /** Would open a dialog, add an image or bold text if it were ever run or parsed as markup. */
    private static final String SCRIPT = "<img src=x onerror=alert(1)><script>alert(2)</script><b>bold</b>";

    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlockLinkSigner blockLinks;

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aPupilReportsAConcernAnonymouslyFromTheBlockPageAndTheDslSeesIt(Browser browser) {
        String dsl = BrowserAccounts.ensure(accountService, "b.dsl.reports", Role.DSL);
        String words = "A pop-up kept asking where I live " + UUID.randomUUID();

        Page page = browser.open("/blocked?" + blockLinks.sign("url=http://games.example/play%3Flevel%3D3&category=games",
                Instant.now()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("report a concern")).click();
        assertThat(page.locator("h1")).hasText("Report a concern");
        assertThat(page.locator("main")).containsText("http://games.example/play?level=3");
        assertThat(page.locator("main")).containsText("Lantern keeps nothing that says who you are");
        page.getByLabel("What happened, or what is worrying you?").fill(words);
        page.getByLabel("Stay anonymous", new Page.GetByLabelOptions().setExact(true)).check();
        button(page, "Send my report").click();

        assertThat(page.locator("h1")).hasText("Thank you for telling us");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("sent to the school's safeguarding team");
        assertThat(page.locator("main")).containsText("Browser b.dsl.reports (Designated Safeguarding Lead)");
        assertThat(page.locator("main")).not().containsText(words);
        Map<String, Object> row = jdbc.sql("SELECT recorded_by_account, reporter_name, reporter_address FROM incident "
                + "WHERE description = :d").param("d", words).query().singleRow();
        org.assertj.core.api.Assertions.assertThat(row.values()).containsOnlyNulls();

        browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/incidents/child-protection");
        page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Concern reported by a pupil"))
                .first().getByRole(AriaRole.LINK).click();
        assertThat(page.locator("main")).containsText(words);
        assertThat(page.locator("main")).containsText("http://games.example/play?level=3");
        assertThat(page.locator("main")).containsText("An anonymous pupil: nothing identifying was stored");
        assertThat(page.locator("#actions + .table-wrap")).containsText("Refer to DSL");
    }

    @Test
    void markupTypedIntoEveryTextFieldIsShownAndNeverRun(Browser browser) {
        String teacher = BrowserAccounts.ensure(accountService, "b.teacher.xss", Role.STAFF);
        String dsl = BrowserAccounts.ensure(accountService, "b.dsl.xss", Role.DSL);
        BrowserAccounts.ensure(accountService, "b.head.xss", Role.HEADTEACHER);
        String surname = "Xss" + UUID.randomUUID().toString().substring(0, 8);
        long pupil = TestPeople.pupil(jdbc, "Ada", surname);
        List<String> dialogs = new ArrayList<>();

        // A pupil's report, not signed in: what, where and name.
        Page page = browser.open("/report-concern");
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.getByLabel("What happened, or what is worrying you?").fill("what " + SCRIPT);
        page.getByLabel("Where did you see it? (optional)").fill("where " + SCRIPT);
        page.getByLabel("Your name (leave it empty if you stay anonymous)").fill("name " + SCRIPT);
        button(page, "Send my report").click();
        assertThat(page.locator("h1")).hasText("Thank you for telling us");

        // A teacher's record: where, what happened, the child's words, links.
        browser.signIn(teacher, BrowserAccounts.PASSWORD);
        browser.open("/incidents/new");
        page.getByLabel("Search for people by name").fill(surname);
        button(page, "Search").click();
        page.getByLabel("Misuse (an infringement of the policy)").check();
        page.getByLabel("Role of Ada " + surname).selectOption("misuser");
        page.getByLabel("Behaviour / online safety").check();
        page.getByLabel("When did it happen?").fill("2025-03-14T10:30");
        page.getByLabel("Where? (optional)").fill("location " + SCRIPT);
        page.getByLabel("Category").selectOption(new SelectOption().setLabel(
                "Using proxy sites or other means to subvert the school's filtering system"));
        page.getByLabel("What happened, in your own words").fill("description " + SCRIPT);
        page.getByLabel("The child's own words (optional)").fill("words " + SCRIPT);
        page.getByLabel("Links or devices (optional, one a line)").fill("https://x.example/" + SCRIPT);
        button(page, "Record").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Recorded");
        String incidentPath = page.url().substring(page.url().indexOf("/incidents/")).replace("?recorded", "");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        // The DSL works its actions: outcome, waive reason, decision not to refer, added action.
        browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open(incidentPath);
        page.getByLabel("Outcome of Refer to DSL").fill("outcome " + SCRIPT);
        page.getByLabel("Outcome of Refer to DSL").locator("xpath=ancestor::form").getByRole(AriaRole.BUTTON).click();
        page.getByLabel("Reason to waive Inform parents / carers").fill("waived " + SCRIPT);
        page.getByLabel("Reason to waive Inform parents / carers").locator("xpath=ancestor::form").getByRole(AriaRole.BUTTON).click();
        page.getByLabel("Reason for deciding not to refer to headteacher").fill("not referred " + SCRIPT);
        button(page, "Decide not to refer").click();
        page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill("added " + SCRIPT);
        button(page, "Add action").click();

        Locator main = page.locator("main");
        for (String text : List.of("location ", "description ", "words ", "https://x.example/", "outcome ", "waived ",
                "not referred ", "added ")) {
            assertThat(main).containsText(text + SCRIPT);
        }
        assertThat(page.locator("main img, main b, main script")).hasCount(0);

        // The chronology shows the same words as text.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chronology of Ada " + surname)).click();
        assertThat(main).containsText("description " + SCRIPT);
        assertThat(main).containsText("not referred " + SCRIPT);
        assertThat(page.locator("main img, main b, main script")).hasCount(0);

        // The pupil's report in the DSL's queue.
        browser.open("/incidents/child-protection");
        page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Concern reported by a pupil"))
                .first().getByRole(AriaRole.LINK).click();
        for (String text : List.of("what ", "where ", "name ")) {
            assertThat(main).containsText(text + SCRIPT);
        }
        assertThat(page.locator("main img, main b, main script")).hasCount(0);

        // An investigation on the illegal path: designated computer and outcome.
        Incident illegal = incidents.record(new NewIncident(SubjectType.PUPIL, "accessing-illegal-material", List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "Tried to reach it.", null, List.of()),
                new Viewer(accounts.idOf(dsl).orElseThrow(), dsl, true, true));
        browser.open("/incidents/" + illegal.id());
        page.getByLabel("Browser b.dsl.xss").check();
        page.getByLabel("Browser b.head.xss").check();
        page.getByLabel("Designated computer used for the whole procedure").fill("computer " + SCRIPT);
        page.getByLabel("Outcome: does the concern have substance, and what follows?").fill("finding " + SCRIPT);
        button(page, "Close the investigation").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Investigation closed.");
        assertThat(main).containsText("computer " + SCRIPT);
        assertThat(main).containsText("finding " + SCRIPT);
        assertThat(page.locator("main img, main b, main script")).hasCount(0);

        org.assertj.core.api.Assertions.assertThat(dialogs).isEmpty();
    }
}
