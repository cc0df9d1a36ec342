package org.lantern.server.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.activity.ActivityStore;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestActivity;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@PersistenceTest
@AutoConfigureMockMvc
class DashboardTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivityStore store;

    private String dashboardAs(Role role) throws Exception {
        return mvc.perform(get("/").with(TestUsers.as(accountService, accounts, "dash", role))).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void dslSeesFailedSignInsTheRegisterAndThePolicy() throws Exception {
        assertThat(dashboardAs(Role.DSL))
                .contains("Recent failed sign-ins", "Internet access removed", "Policy in force")
                .doesNotContain("Accounts and security");
    }

    @Test
    void administratorSeesAccountsAndSecurity() throws Exception {
        assertThat(dashboardAs(Role.ADMIN)).contains("Accounts and security", "Recent failed sign-ins");
    }

    @Test
    void governorSeesThePolicyAndItsChangeLogButNoPeopleOrSignIns() throws Exception {
        assertThat(dashboardAs(Role.GOVERNOR))
                .contains("Policy in force", "Change-control log")
                .doesNotContain("pupils,", "Recent failed sign-ins", "Internet access removed");
    }

    @Test
    void pupilSeesHowToGetHelpAndNothingAboutOthers() throws Exception {
        assertThat(dashboardAs(Role.PUPIL))
                .contains("Worried about something online?")
                .doesNotContain("Policy in force", "Recent failed sign-ins", "pupils,");
    }

    @Test
    void theNetworkManagerIsWarnedWhenNoCategoryListsAreLoadedAndOthersSeeNoListCard() throws Exception {
        assertThat(dashboardAs(Role.ADMIN)).contains("Category lists", "No category lists are loaded",
                "lantern lists update");
        assertThat(dashboardAs(Role.DSL)).doesNotContain("Category lists");
        assertThat(dashboardAs(Role.STAFF)).doesNotContain("Category lists");
    }

    @Test
    void theAccessRemovedTileListsOnlyThoseStillWithoutAccess() throws Exception {
        String restored = TestPeople.unique("Restored");
        String removed = TestPeople.unique("Removed");
        long restoredId = TestPeople.pupil(jdbc, restored, "Pupil");
        long removedId = TestPeople.pupil(jdbc, removed, "Pupil");
        people.grantAccess(restoredId, "dsl", "joined");
        people.grantAccess(removedId, "dsl", "joined");
        people.removeAccess(restoredId, "dsl", "misuse, since dealt with");
        people.removeAccess(removedId, "dsl", "misuse under review");
        people.grantAccess(restoredId, "dsl", "sanction served");

        assertThat(dashboardAs(Role.DSL)).contains(removed + " Pupil").doesNotContain(restored);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DSL", "DEPUTY_DSL", "HEADTEACHER", "ADMIN"})
    void thoseWhoSearchTheActivityLogSeeTodaysRequestsAndTheWeeksBlockedCategories(Role role) throws Exception {
        String category = TestPeople.unique("tiles-");
        TestActivity.append(store, TestActivity.row(Instant.now(), 990_001L, category + ".example", "BLOCK", category));

        assertThat(dashboardAs(role)).contains("Requests and blocks today", "Top blocked categories this week",
                "href=\"/activity?action=BLOCK&amp;from=", "href=\"/activity?action=BLOCK&amp;category=");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"STAFF", "GOVERNOR", "PUPIL"})
    void othersSeeNoActivityFigures(Role role) throws Exception {
        assertThat(dashboardAs(role)).doesNotContain("Requests and blocks today", "Top blocked categories this week");
    }
}
