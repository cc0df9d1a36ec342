package org.lantern.server.browser;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
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
class GovernorsReportBrowserTest {

    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aGovernorSeesTheYearsChartAndSmallCountsAsLessThanThreeButNoNames(Browser browser) {
        String governor = BrowserAccounts.ensure(accountService, "b.governor", Role.GOVERNOR);
        String teacher = BrowserAccounts.ensure(accountService, "b.report.teacher", Role.STAFF);
        String surname = "Fairweather" + UUID.randomUUID().toString().substring(0, 8);
        long pupil = TestPeople.pupil(jdbc, "Imogen", surname);
        Viewer recorder = new Viewer(accounts.idOf(teacher).orElseThrow(), teacher, false);
        // 2010/11: a school year no other browser test records in.
        OffsetDateTime october = OffsetDateTime.of(2010, 10, 12, 10, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 5; i++) {
            incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse", List.of(pupil), october, null,
                    "Phone out in lessons.", null, List.of()), recorder);
        }
        incidents.record(new NewIncident(SubjectType.PUPIL, "social-media-misuse", List.of(pupil),
                october.plusMonths(2), null, "Group chat.", null, List.of()), recorder);

        Page page = browser.signIn(governor, BrowserAccounts.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Governors' report")).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Online safety report to governors");
        browser.open("/reports/governors?year=2010");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("2010/11");
        assertThat(page.locator("svg#chart-months")).isVisible();
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Incidents by month")))
                .isVisible();
        assertThat(page.locator("main")).containsText("<3");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF"))).isVisible();
        assertThat(page.locator("main")).not().containsText(surname);
        assertThat(page.locator("main")).not().containsText("Phone out in lessons.");
    }
}
