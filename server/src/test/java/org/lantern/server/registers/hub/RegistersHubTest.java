package org.lantern.server.registers.hub;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.registers.cloud.SoftwareLicences;
import org.lantern.server.registers.consents.ConsentForm;
import org.lantern.server.registers.consents.Consents;
import org.lantern.server.registers.consents.PhotoUse;
import org.lantern.server.registers.consents.Publications;
import org.lantern.server.registers.devices.DeviceFields;
import org.lantern.server.registers.devices.Devices;
import org.lantern.server.registers.devices.Loans;
import org.lantern.server.registers.devices.NewLoan;
import org.lantern.server.registers.due.DueThisMonth;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Registers page and "due this month" as each role meets them: every register page a role may
 * open is on its Registers page and every link there opens for it; every item on its "due this
 * month" page (and in the API) links to a page that opens for it, so a licence running out is shown
 * to those who keep software and not to the DSL, whom the licences register refuses; every role that
 * may open some register's items (the office staff among them) opens that page, and no other. The
 * counts are the registers' own.
 */
@PersistenceTest
@AutoConfigureMockMvc
class RegistersHubTest {

    /** Every register's own page. */
    private static final List<String> REGISTER_PAGES = List.of("/registers/agreements", "/registers/consents",
            "/registers/consents/no-photos", "/registers/devices", "/registers/loans", "/registers/training",
            "/registers/cloud", "/registers/licences", "/registers/reviews", "/registers/due");
    private static final Pattern LINK = Pattern.compile("<a href=\"(/registers[^\"#?]*)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    SoftwareLicences licences;
    @Autowired
    Devices devices;
    @Autowired
    Loans loans;
    @Autowired
    Consents consents;
    @Autowired
    Publications publications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DueThisMonth due;

    private final LocalDate today = SchoolTime.today();
    private String licence;

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "hub", role);
    }

    /** Something due in every register that has dates: a licence, an overdue loan and takedown. */
    @BeforeEach
    void somethingDueEverywhere() {
        String tag = TestPeople.unique("Hub");
        licence = "Licence for Suite " + tag + " runs out";
        licences.create(new SoftwareLicences.Form("Suite " + tag, "", "REF-" + tag, null, today), "office");
        long borrower = TestPeople.person(jdbc, "STAFF", "Bo", TestPeople.unique("Hub"));
        long device = devices.create(new DeviceFields("laptop", "Dell", "3100", TestPeople.unique("S"), tag, null,
                null), "office").id();
        loans.lend(new NewLoan(device, borrower, today.minusDays(10), today.minusDays(1), "Good", "Bo", true),
                "office");
        as(Role.OFFICE);
        long pupil = TestPeople.pupil(jdbc, "Hana", TestPeople.unique("Hub"));
        consents.record(pupil, new ConsentForm(PhotoUse.DISPLAYS, true, "Parent", null, today.minusDays(30), null),
                null, null, "office", Consents.Mode.EITHER);
        publications.record(new Publications.Draft(PhotoUse.DISPLAYS, "Hall " + tag, "Main hall",
                today.minusDays(20), "hub.office", Set.of(pupil)), "office");
        consents.withdraw(pupil, Set.of(PhotoUse.DISPLAYS), today.minusDays(10), "Parent", "office");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void theRegistersPageListsExactlyTheRegistersTheRoleMayOpen(Role role) throws Exception {
        RequestPostProcessor user = as(role);
        List<String> mayOpen = new ArrayList<>();
        for (String page : REGISTER_PAGES) {
            if (statusOf(user, page) == 200) {
                mayOpen.add(page);
            }
        }
        int hub = statusOf(user, "/registers");
        if (mayOpen.isEmpty()) {
            assertThat(hub).isEqualTo(403);
            return;
        }
        assertThat(hub).isEqualTo(200);
        List<String> linked = links(body(user, "/registers"));
        assertThat(linked).as("registers on %s's page", role).containsExactlyInAnyOrderElementsOf(mayOpen);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleThatMayOpenSomeItemOpensDueThisMonthAndEveryItemLinksToAPageItMayOpen(Role role) throws Exception {
        RequestPostProcessor user = as(role);
        if (!due.mayOpen(role)) {
            assertThat(statusOf(user, "/registers/due")).as("%s opens due this month", role).isEqualTo(403);
            return;
        }
        String page = body(user, "/registers/due");
        List<String> linked = links(page).stream().distinct().toList();
        if (role.can(Permission.REVIEWS_READ) || role.can(Permission.DEVICES_READ)) {
            assertThat(linked).as("the annual review or the overdue loan").isNotEmpty();
        }
        for (String link : linked) {
            assertThat(statusOf(user, link)).as("%s opens %s", role, link).isEqualTo(200);
        }
        boolean keepsSoftware = role.can(Permission.SOFTWARE_MANAGE);
        assertThat(page.contains(licence)).as("the licence shown to %s", role).isEqualTo(keepsSoftware);
        assertThat(page.contains("/registers/loans/")).as("the overdue loan shown to %s", role)
                .isEqualTo(role.can(Permission.DEVICES_READ));
        assertThat(page.contains("Save when the email goes")).as("the email's time chosen by %s", role)
                .isEqualTo(role.can(Permission.DUE_MAIL_MANAGE));
        mvc.perform(get("/api/v1/registers/due").with(user)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.what == '" + licence + "')]").value(keepsSoftware ? hasSize(1) : empty()));
    }

    @Test
    void theCountsAreTheRegistersOwn() throws Exception {
        RequestPostProcessor head = as(Role.HEADTEACHER);
        int overdue = loans.overdue().size();
        mvc.perform(get("/registers").with(head)).andExpect(status().isOk())
                .andExpect(content().string(containsString(overdue + (overdue == 1 ? " loan overdue" : " loans overdue"))))
                .andExpect(content().string(containsString(licences.dueSoon(today).size()
                        + (licences.dueSoon(today).size() == 1 ? " runs out" : " run out") + " within 60 days")))
                .andExpect(content().string(containsString("Annual filtering and monitoring review")))
                .andExpect(content().string(containsString(" not signed")));
        mvc.perform(get("/api/v1/registers").with(head)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.title == 'Loans')].facts[1]")
                        .value(overdue + (overdue == 1 ? " loan overdue" : " loans overdue")));
    }

    private int statusOf(RequestPostProcessor user, String path) throws Exception {
        return mvc.perform(get(path).with(user)).andReturn().getResponse().getStatus();
    }

    private String body(RequestPostProcessor user, String path) throws Exception {
        return mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The register links in the page's main part (not the navigation). */
    private static List<String> links(String html) {
        String main = html.substring(html.indexOf("<main"));
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(main);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }
}
