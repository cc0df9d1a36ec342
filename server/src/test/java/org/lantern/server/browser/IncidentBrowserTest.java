package org.lantern.server.browser;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
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

@BrowserTest
class IncidentBrowserTest {

    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTeacherRecordsAConcernTheDslCompletesAnActionAndTeachersCannotOpenEachOthersRecords(Browser browser) {
        String teacher = BrowserAccounts.ensure(accountService, "b.teacher", Role.STAFF);
        String other = BrowserAccounts.ensure(accountService, "b.teacher2", Role.STAFF);
        String dsl = BrowserAccounts.ensure(accountService, "b.dsl", Role.DSL);
        String surname = "Pupil" + UUID.randomUUID().toString().substring(0, 8);
        long pupil = TestPeople.pupil(jdbc, "Ada", surname);
        Incident othersRecord = incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse",
                List.of(pupil), OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), null, "Another teacher's concern.",
                null, List.of()), new Viewer(accounts.idOf(other).orElseThrow(), other, false));

        Page page = browser.signIn(teacher, BrowserAccounts.PASSWORD);
        browser.open("/incidents/new");
        page.getByLabel("Search for people by name").fill(surname);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        page.getByLabel("Misuse (an infringement of the policy)").check();
        page.getByLabel("Role of Ada " + surname).selectOption("misuser");
        page.getByLabel("Behaviour / online safety").check();
        page.getByLabel("When did it happen?").fill("2025-03-14T10:30");
        page.getByLabel("Category").selectOption(new SelectOption().setLabel(
                "Unauthorised / inappropriate use of social media / messaging apps / personal email"));
        page.getByLabel("What happened, in your own words").fill("Upset by messages in a group chat.");
        page.getByLabel("The child's own words (optional)").fill("They keep sending me stuff.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Recorded");
        String incidentPath = page.url().substring(page.url().indexOf("/incidents/")).replace("?recorded", "");

        Response forbidden = page.navigate(browser.url("/incidents/" + othersRecord.id()));
        org.assertj.core.api.Assertions.assertThat(forbidden.status()).isEqualTo(404);
        assertThat(page.locator("main")).not().containsText("Another teacher's concern.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/incidents");
        page.locator("a[href='" + incidentPath + "']").click();
        assertThat(page.locator("main")).containsText("Upset by messages in a group chat.");
        assertThat(page.locator("#actions + .table-wrap")).containsText("Refer to DSL");
        assertThat(page.locator("#actions + .table-wrap")).containsText("Inform parents / carers");
        page.getByLabel("Outcome of Refer to DSL").fill("Spoke with the pupil; parents called.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).first().click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Action completed.");
        assertThat(page.locator("#actions + .table-wrap")).containsText("Spoke with the pupil; parents called. (b.dsl)");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chronology of Ada " + surname)).click();
        assertThat(page.locator("h1")).containsText("Chronology: Ada " + surname);
        Locator completed = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Action completed"));
        assertThat(completed).containsText("Refer to DSL");
        assertThat(completed).containsText("Spoke with the pupil; parents called.");
        assertThat(page.locator("main table")).containsText("Upset by messages in a group chat.");
    }
}
