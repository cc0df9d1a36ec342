package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The days to take an image down, a school setting on the takedown tasks page: a week until chosen;
 * the office chooses another number, which is audited and sets the due date of tasks created after
 * it while tasks already created keep theirs; anything but a whole number from 1 to 60 is refused
 * with the reason and changes nothing, on the page and in the API.
 */
@PersistenceTest
@AutoConfigureMockMvc
class TakedownDaysTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    Consents consents;
    @Autowired
    Publications publications;
    @Autowired
    TakedownDays days;
    @Autowired
    AuditChain audit;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = SchoolTime.today();

    @AfterEach
    void backToTheDefault() {
        jdbc.sql("DELETE FROM takedown_setting").update();
    }

    private Authentication office() {
        return TestUsers.signedIn(accountService, accounts, "takedown.office", Role.OFFICE);
    }

    /** A pupil with website consent who appears in one website publication; withdrawing it makes one task. */
    private long pupilOnTheWebsite() {
        office();
        long pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Days"));
        consents.record(pupil, new ConsentForm(PhotoUse.WEBSITE, true, "Grace Parent", null, today.minusDays(20), null),
                null, null, "office", Consents.Mode.EITHER);
        publications.record(new Publications.Draft(PhotoUse.WEBSITE, "Sports day", "https://school.example/sports",
                today.minusDays(3), "takedown.office", Set.of(pupil)), "office");
        return pupil;
    }

    private LocalDate withdraw(long pupil) {
        List<TakedownTask> tasks = consents.withdraw(pupil, Set.of(PhotoUse.WEBSITE), today, "Grace Parent", "office");
        assertThat(tasks).hasSize(1);
        return tasks.getFirst().dueOn();
    }

    @Test
    void aChosenNumberOfDaysIsAuditedAndSetsTheDueDateOfNewTasksOnly() throws Exception {
        long before = pupilOnTheWebsite();
        long after = pupilOnTheWebsite();
        assertThat(days.current()).isEqualTo(7);
        assertThat(withdraw(before)).isEqualTo(today.plusDays(7));
        mvc.perform(get("/registers/consents/takedowns").with(authentication(office())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A takedown task is due 7 days after the consent is withdrawn.")))
                .andExpect(content().string(containsString("Save the days")));

        mvc.perform(post("/registers/consents/takedowns/days").param("days", " 14 ").with(authentication(office()))
                        .with(csrf()))
                .andExpect(flash().attribute("done", "Takedown tasks created from now on are due 14 days after the "
                        + "withdrawal."));

        assertThat(days.current()).isEqualTo(14);
        AuditEntry entry = audit.latest("takedown.days-changed").orElseThrow();
        assertThat(entry.actor()).isEqualTo("takedown.office");
        assertThat(entry.detailJson()).contains("\"from\":7", "\"to\":14");
        assertThat(withdraw(after)).isEqualTo(today.plusDays(14));
        assertThat(jdbc.sql("SELECT due_on FROM takedown_task WHERE person_id = :p").param("p", before)
                .query(LocalDate.class).single()).as("a task already created keeps its day").isEqualTo(today.plusDays(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "61", "-3", "seven", "7.5", ""})
    void anythingButAWholeNumberFromOneToSixtyIsRefusedAndChangesNothing(String typed) throws Exception {
        days.choose("10", "setup");
        long rows = jdbc.sql("SELECT COUNT(*) FROM takedown_setting").query(Long.class).single();

        mvc.perform(post("/registers/consents/takedowns/days").param("days", typed).with(authentication(office()))
                        .with(csrf()))
                .andExpect(flash().attribute("problems", List.of(typed.matches("-?\\d+")
                        ? "The days to take an image down must be from 1 to 60, not " + typed + "."
                        : "The days to take an image down must be a whole number from 1 to 60"
                                + (typed.isEmpty() ? "." : ", not '" + typed + "'."))));
        mvc.perform(put("/api/v1/registers/consents/takedown-days").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":\"" + typed + "\"}").with(authentication(office())).with(csrf()))
                .andExpect(status().isBadRequest());

        assertThat(days.current()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM takedown_setting").query(Long.class).single()).isEqualTo(rows);
    }

    @Test
    void theApiReadsAndChoosesTheDays() throws Exception {
        mvc.perform(put("/api/v1/registers/consents/takedown-days").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":30}").with(authentication(office())).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.days").value(30));
        mvc.perform(get("/api/v1/registers/consents/takedown-days").with(authentication(office())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.days").value(30));
        assertThat(withdraw(pupilOnTheWebsite())).isEqualTo(today.plusDays(30));
    }
}
