package org.lantern.server.registers.devices;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The leaver checklist on the database (H2 and PostgreSQL) and on its page: a member of staff
 * leaving within the window shows the school device still out on loan, their registered personal
 * device and their Lantern account; a loan they gave back no longer shows; someone leaving after
 * the window is not on the list.
 */
@PersistenceTest
@AutoConfigureMockMvc
class LeaverChecklistTest {

    @Autowired
    LeaverChecklist checklist;
    @Autowired
    Loans loans;
    @Autowired
    Devices devices;
    @Autowired
    PersonalDevices personal;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aLeaverInTheWindowShowsTheirLoanPersonalDeviceAndAccountAndAReturnedLoanGoes() throws Exception {
        LocalDate today = loans.today();
        String last = TestPeople.unique("Leaver");
        long leaver = TestPeople.person(jdbc, "STAFF", "Lena", last);
        String username = "leaver." + last.toLowerCase();
        long account = accountService.create(username, "Lena " + last, Role.STAFF, "a long enough password 42", "admin");
        jdbc.sql("UPDATE person SET account_id = :account, internet_access = TRUE WHERE id = :id")
                .param("account", account).param("id", leaver).update();
        String laterLast = TestPeople.unique("Later");
        long later = TestPeople.person(jdbc, "STAFF", "Lars", laterLast);
        Loan kept = lend(leaver, "KEPT");
        Loan returned = lend(leaver, "BACK");
        lend(later, "LATER");
        String kind = personal.kinds().stream().filter(PersonalDeviceKind::allowed).findFirst().orElseThrow().id();
        personal.register(leaver, kind, "Lena's own phone", "office");
        leaves(leaver, today.plusDays(10));
        leaves(later, today.plusDays(LeaverChecklist.WINDOW_DAYS + 1));

        LeaverChecklist.Entry before = entryOf(leaver, checklist.around(today));
        assertThat(before.loans()).extracting(Loan::id).containsExactlyInAnyOrder(kept.id(), returned.id());

        loans.giveBack(returned.id(), today, "Fine", "office");
        List<LeaverChecklist.Entry> entries = checklist.around(today);

        LeaverChecklist.Entry entry = entryOf(leaver, entries);
        assertThat(entry.loans()).extracting(Loan::id).containsExactly(kept.id());
        assertThat(entry.personalDevices()).extracting(PersonalDevice::description).containsExactly("Lena's own phone");
        assertThat(entry.account()).isEqualTo(username);
        assertThat(entry.accountEnabled()).isTrue();
        assertThat(entry.clear()).isFalse();
        assertThat(entries).noneMatch(e -> e.person().id() == later);

        mvc.perform(get("/registers/devices/leavers").with(authentication(
                        TestUsers.signedIn(accountService, accounts, "leavers.office", Role.OFFICE))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lena " + last + " (")))
                .andExpect(content().string(containsString("School device still out")))
                .andExpect(content().string(containsString("KEPT")))
                .andExpect(content().string(not(containsString("BACK"))))
                .andExpect(content().string(containsString("Personal device registered: Lena&#39;s own phone")))
                .andExpect(content().string(containsString("Lantern account " + username + ": still enabled")))
                .andExpect(content().string(not(containsString(laterLast))));
    }

    private Loan lend(long person, String assetTag) {
        Device device = devices.create(new DeviceFields("laptop", "Lenovo", "100e", TestPeople.unique("L"),
                TestPeople.unique(assetTag), null, null), "office");
        LocalDate today = loans.today();
        return loans.lend(new NewLoan(device.id(), person, today.minusDays(2), today.plusDays(14), "Good",
                "Signed Name", true), "office");
    }

    private void leaves(long person, LocalDate on) {
        jdbc.sql("UPDATE person SET leaving_date = :on WHERE id = :id").param("on", on).param("id", person).update();
    }

    private static LeaverChecklist.Entry entryOf(long person, List<LeaverChecklist.Entry> entries) {
        return entries.stream().filter(e -> e.person().id() == person).findFirst().orElseThrow();
    }
}
