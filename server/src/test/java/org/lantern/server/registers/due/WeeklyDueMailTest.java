package org.lantern.server.registers.due;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.registers.cloud.SoftwareLicences;
import org.lantern.server.registers.consents.ConsentForm;
import org.lantern.server.registers.consents.Consents;
import org.lantern.server.registers.consents.PhotoUse;
import org.lantern.server.registers.consents.Publications;
import org.lantern.server.registers.reminders.RegisterOutbox;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestSmtp;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The weekly "due this month" email through a real SMTP server (GreenMail): from the set day and
 * hour, each owner gets one email with their items and links (a takedown task to the account that
 * owns it; a licence running out to everyone whose role keeps software), never a pupil's name; a
 * role that keeps no register gets none. Looking again in the same week, and looking after a
 * restart (a new job on the same database) with the emails owed but not yet sent, sends no second
 * email; the next week owes again. The day is the job's clock, fixed here. The day and hour are the
 * school's setting, read at each look: one chosen on the page (audited) moves the next look's time.
 */
@PersistenceTest
@AutoConfigureMockMvc
@DirtiesContext
@TestPropertySource(properties = {
        "lantern.alerts.mail.from=lantern@school.example",
        "lantern.alerts.mail.initial-delay=PT1H",
        "lantern.registers.reminders.cron=-",
        "spring.datasource.hikari.maximum-pool-size=3"})
class WeeklyDueMailTest {

    private static final String BASE = "https://lantern.school.example";

    @RegisterExtension
    static final TestSmtp SMTP = new TestSmtp();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        SMTP.mailProperties(registry);
    }

    @Autowired
    DueThisMonth due;
    @Autowired
    RegisterOutbox outbox;
    @Autowired
    AccountService accounts;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SoftwareLicences licences;
    @Autowired
    Consents consents;
    @Autowired
    Publications publications;
    @Autowired
    DueMailTime time;
    @Autowired
    AuditChain audit;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accountIds;

    private final LocalDate today = SchoolTime.today();

    /** A fresh week, with the school's choice of today's day of the week from 7. */
    @BeforeEach
    void freshWeek() throws Exception {
        jdbc.sql("DELETE FROM register_due_week").update();
        jdbc.sql("DELETE FROM due_mail_setting").update();
        SMTP.emptied();
        time.choose(today.getDayOfWeek().name(), "7", "test");
    }

    /** The job as the server runs it, with its clock at {@code at}. */
    private WeeklyDueMail job(LocalDateTime at) {
        return new WeeklyDueMail(due, outbox, accounts, people, jdbc, transactions, time, BASE,
                Clock.fixed(at.atZone(SchoolTime.ZONE).toInstant(), SchoolTime.ZONE));
    }

    /** An account of {@code role} whose person in the directory has an address; returns the username. */
    private String account(Role role, String email) {
        String username = TestPeople.unique("due." + role.name().toLowerCase());
        long person = TestPeople.person(jdbc, "STAFF", "Dee", TestPeople.unique("Owner"));
        jdbc.sql("UPDATE person SET email = :e WHERE id = :id").param("e", email).param("id", person).update();
        people.linkAccount(person, accounts.create(username, "Dee", role, "due password 1", "test"));
        return username;
    }

    @Test
    void eachOwnerIsEmailedTheirItemsOnceAWeekAcrossARestart() throws Exception {
        String tag = TestPeople.unique("W");
        String officeTo = tag + "-office@school.example";
        String headTo = tag + "-head@school.example";
        String governorTo = tag + "-governor@school.example";
        String staffTo = tag + "-staff@school.example";
        String office = account(Role.OFFICE, officeTo);
        account(Role.HEADTEACHER, headTo);
        account(Role.GOVERNOR, governorTo);
        account(Role.STAFF, staffTo);
        licences.create(new SoftwareLicences.Form("Suite " + tag, "Vendor", "REF-1", 30, today), "office");
        String surname = TestPeople.unique("Pupil");
        long pupil = TestPeople.pupil(jdbc, "Tamsin", surname);
        consents.record(pupil, new ConsentForm(PhotoUse.WEBSITE, true, "Grace Parent", null, today.minusDays(30), null),
                null, null, "office", Consents.Mode.EITHER);
        publications.record(new Publications.Draft(PhotoUse.WEBSITE, "Gallery " + tag, "https://school.example/g",
                today.minusDays(20), office, Set.of(pupil)), "office");
        consents.withdraw(pupil, Set.of(PhotoUse.WEBSITE), today.minusDays(10), "Grace Parent", "office");

        assertThat(job(today.atTime(6, 59)).oweThisWeek()).as("before the set hour").isZero();
        assertThat(job(today.atTime(7, 0)).oweThisWeek()).isGreaterThanOrEqualTo(2);
        assertThat(job(today.atTime(9, 0)).oweThisWeek()).as("looking again the same week").isZero();
        assertThat(SMTP.getReceivedMessages()).as("owed, not yet sent").isEmpty();

        WeeklyDueMail afterRestart = job(today.atTime(15, 0));
        assertThat(afterRestart.oweThisWeek()).as("after a restart").isZero();
        outbox.deliverDue(Instant.now());
        outbox.deliverDue(Instant.now());

        List<MimeMessage> toOffice = SMTP.to(officeTo);
        assertThat(toOffice).hasSize(1);
        String officeBody = GreenMailUtil.getBody(toOffice.getFirst());
        assertThat(TestSmtp.subject(toOffice.getFirst())).matches("Due this month: \\d+ items? \\(\\d+ overdue\\)");
        assertThat(officeBody).contains("Licence for Suite " + tag + " runs out", BASE + "/registers/licences",
                "Take a pupil out of \"Gallery " + tag + "\" (School website)", BASE + "/registers/consents/takedowns",
                "Overdue since " + SchoolTime.day(today.minusDays(3)))
                .contains(BASE + "/registers/due").doesNotContain(surname, "Tamsin");
        String headBody = GreenMailUtil.getBody(SMTP.to(headTo).getFirst());
        assertThat(SMTP.to(headTo)).hasSize(1);
        assertThat(headBody).contains("Licence for Suite " + tag + " runs out", BASE + "/registers/due")
                .as("the takedown is the office account's own").doesNotContain("Gallery " + tag);
        assertThat(SMTP.to(governorTo)).as("governors keep no register's items").isEmpty();
        assertThat(SMTP.to(staffTo)).isEmpty();

        assertThat(job(today.plusDays(7).atTime(7, 0)).oweThisWeek()).as("the next week").isGreaterThanOrEqualTo(2);
        outbox.deliverDue(Instant.now());
        assertThat(SMTP.to(officeTo)).hasSize(2);
        assertThat(SMTP.to(governorTo)).isEmpty();
    }

    @Test
    void theStartingTimeComesFromThePropertiesUntilTheSchoolChooses() {
        jdbc.sql("DELETE FROM due_mail_setting").update();

        assertThat(time.current()).isEqualTo(new DueMailTime.Setting(DayOfWeek.MONDAY, 7, null, null));
    }

    @Test
    void aTimeChosenOnThePageIsAuditedAndTheJobSendsFromItAtItsNextLook() throws Exception {
        String tag = TestPeople.unique("T");
        String officeTo = tag + "-office@school.example";
        account(Role.OFFICE, officeTo);
        licences.create(new SoftwareLicences.Form("Suite " + tag, "Vendor", "REF-1", 30, today), "office");
        String office = "due.chooser";
        Authentication user = TestUsers.signedIn(accounts, accountIds, office, Role.OFFICE);
        String day = today.getDayOfWeek().name();
        WeeklyDueMail job = job(today.atTime(9, 30));
        String dayName = today.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK);

        mvc.perform(post("/registers/due/email").param("day", day).param("hour", " 10 ").with(authentication(user))
                        .with(csrf()))
                .andExpect(redirectedUrl("/registers/due#email"))
                .andExpect(flash().attribute("done", "The weekly email goes each " + dayName + " at 10:00 from now on."));
        AuditEntry entry = audit.latest("due-mail.time-changed").orElseThrow();
        assertThat(entry.actor()).isEqualTo(office);
        assertThat(entry.detailJson()).contains("\"from\":\"" + day + " 7\"", "\"to\":\"" + day + " 10\"");
        mvc.perform(get("/registers/due").with(authentication(user))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Each " + dayName + " at 10:00, whoever owns")))
                .andExpect(content().string(containsString("Chosen by " + office + " on ")));

        assertThat(job.oweThisWeek()).as("at 9:30, before the hour now chosen").isZero();
        assertThat(job(today.atTime(10, 0)).oweThisWeek()).isPositive();
        outbox.deliverDue(Instant.now());
        assertThat(SMTP.to(officeTo)).hasSize(1);
        assertThat(GreenMailUtil.getBody(SMTP.to(officeTo).getFirst())).contains("Suite " + tag,
                "This email comes each " + dayName);

        mvc.perform(put("/api/v1/registers/due/email").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\":\"" + today.plusDays(1).getDayOfWeek() + "\",\"hour\":6}")
                        .with(authentication(user)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hour").value(6))
                .andExpect(jsonPath("$.chosenBy").value(office));
        mvc.perform(get("/api/v1/registers/due/email").with(authentication(user)))
                .andExpect(jsonPath("$.day").value(today.plusDays(1).getDayOfWeek().name()));
    }

    @ParameterizedTest(name = "day {0}, hour {1}")
    @CsvSource(delimiter = '|', value = {"FUNDAY | 7 | Choose a day of the week for the email.",
            "MONDAY | 24 | The hour must be a whole number from 0 to 23, not '24'.",
            "MONDAY | -1 | The hour must be a whole number from 0 to 23, not '-1'.",
            "MONDAY | seven | The hour must be a whole number from 0 to 23, not 'seven'.",
            "MONDAY | 7.5 | The hour must be a whole number from 0 to 23, not '7.5'.",
            "MONDAY | '' | The hour must be a whole number from 0 to 23."})
    void aDayOrHourThatCannotBeIsRefusedAndChangesNothing(String day, String hour, String problem) throws Exception {
        Authentication user = TestUsers.signedIn(accounts, accountIds, "due.setter", Role.OFFICE);
        long rows = jdbc.sql("SELECT COUNT(*) FROM due_mail_setting").query(Long.class).single();

        mvc.perform(post("/registers/due/email").param("day", day).param("hour", hour).with(authentication(user))
                        .with(csrf()))
                .andExpect(flash().attribute("problems", List.of(problem)));
        mvc.perform(put("/api/v1/registers/due/email").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\":\"" + day + "\",\"hour\":\"" + hour + "\"}").with(authentication(user))
                        .with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString(problem)));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM due_mail_setting").query(Long.class).single()).isEqualTo(rows);
        assertThat(time.current().hour()).isEqualTo(7);
    }
}
