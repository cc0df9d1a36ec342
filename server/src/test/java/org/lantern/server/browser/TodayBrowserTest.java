package org.lantern.server.browser;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.ConcernReports;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The DSL's Today list on a phone: an overdue action and a new pupil's report, opened and given an owner. */
@BrowserTest
class TodayBrowserTest {

    @Autowired
    AccountService accountService;
    @Autowired
    IncidentService incidents;
    @Autowired
    ConcernReports reports;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDslSeesTodaysWorkOpensAPupilsReportAndGivesItAnOwner(Browser browser) {
        String dsl = BrowserAccounts.ensure(accountService, "b.dsl.today", Role.DSL);
        String teacher = BrowserAccounts.ensure(accountService, "b.teacher.today", Role.STAFF);
        long teacherId = accountService.list().stream().filter(a -> a.username().equals(teacher)).findFirst().orElseThrow().id();
        long pupil = TestPeople.pupil(jdbc, "Ada", "Today" + UUID.randomUUID().toString().substring(0, 8));
        long report = reports.report(new ConcernReports.Report("Someone in a game keeps asking me for photos.", null, null,
                null, true, null), new ConcernReports.Reporter(null, "10.0.0.9"));
        Incident incident = incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse", List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(3), null, "Filmed a pupil.", null, List.of(),
                RecordKind.BEHAVIOUR, false), new Viewer(teacherId, teacher, false));
        jdbc.sql("UPDATE incident_action SET due_on = :day WHERE id = :id").param("day", People.today().minusDays(2))
                .param("id", incident.actions().getFirst().id()).update();

        Page page = browser.page();
        page.setViewportSize(390, 844);
        browser.signIn(dsl, BrowserAccounts.PASSWORD);

        Locator today = page.locator("#today");
        assertThat(today.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Today:"))).isVisible();
        Locator overdue = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Actions due today or overdue"))
                .getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("incident " + incident.id()));
        assertThat(overdue).containsText("overdue since");
        assertThat(overdue).containsText("owner: DSL team, nobody named");
        Locator fresh = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("New concerns and pupils' reports"));
        Locator needOwner = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Cases that need an owner"));
        assertThat(needOwner).containsText("Incident " + report + ":");

        fresh.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Pupil's report " + report + ":")).click();
        assertThat(page.locator("h1")).hasText("Incident " + report);
        assertThat(page.locator("#case")).containsText("Needs an owner");
        page.getByLabel("Owner of the case").selectOption(new SelectOption().setLabel("Browser " + dsl + " (" + dsl + ")"));
        Locator setOwner = page.locator("#case").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set owner"));
        BoundingBox box = setOwner.boundingBox();
        org.assertj.core.api.Assertions.assertThat(box.x + box.width).as("on a phone's screen").isLessThanOrEqualTo(390);
        setOwner.focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Case owner changed.");
        assertThat(page.locator("#history")).isVisible();
        assertThat(page.locator("#case")).containsText("Browser " + dsl);

        browser.open("/");
        assertThat(needOwner).not().containsText("Incident " + report + ":");
        assertThat(page.locator("#today")).not().containsText("Pupil's report " + report + ":");
        assertThat(overdue).containsText("overdue since");
    }
}
