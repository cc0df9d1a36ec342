package org.lantern.server.terms;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TermTables;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The school's days and hours as a setting on the database and on the term dates page: until
 * someone chooses, the installation's value is in force; a choice with its reason takes over at
 * once, is kept in the history with who and when, and is audited; what cannot be right is refused
 * with every problem and nothing changes; the page keeps what was typed when it refuses and shows
 * the history's text as text.
 */
@PersistenceTest
@AutoConfigureMockMvc
class SchoolHoursSettingTest {

    /** Who chooses in the service's tests: names no other test's audit entries carry. */
    private static final String DSL = "hours.setting.dsl";
    private static final String ADMIN = "hours.setting.admin";

    @Autowired
    SchoolHoursSetting setting;
    @Autowired
    AuditChain audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;

    @BeforeEach
    @AfterEach
    void clear() {
        TermTables.clear(jdbc);
    }

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "hours", role);
    }

    @Test
    void theInstallationsValueHoldsUntilAChoiceWhichIsKeptWithWhoWhenAndWhyAndAudited() {
        assertThat(setting.current()).isEqualTo(setting.installationDefault()).isEqualTo(SchoolHours.WEEKDAYS);
        assertThat(setting.history()).isEmpty();

        setting.choose(List.of("monday", " TUESDAY ", "thursday"), "08:40", "15:20", "Shorter days this year", DSL);
        SchoolHours chosen = setting.choose(List.of("SATURDAY"), "09:00", "12:00", "  Saturday school  ", ADMIN);

        assertThat(setting.current()).isEqualTo(chosen)
                .isEqualTo(new SchoolHours(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(12, 0)));
        assertThat(setting.history()).extracting(SchoolHoursSetting.Choice::by, SchoolHoursSetting.Choice::reason,
                        c -> c.hours().dayNames())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ADMIN, "Saturday school", "Saturday"),
                        org.assertj.core.groups.Tuple.tuple(DSL, "Shorter days this year", "Monday, Tuesday, Thursday"));
        List<AuditEntry> audited = audit.entriesFor(TermDates.RECORD, SchoolHoursSetting.RECORD_ID).stream()
                .filter(e -> e.actor().equals(DSL) || e.actor().equals(ADMIN)).toList();
        assertThat(audited).extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DSL, SchoolHoursSetting.CHOSEN),
                        org.assertj.core.groups.Tuple.tuple(ADMIN, SchoolHoursSetting.CHOSEN));
        assertThat(audited.getLast().detailJson())
                .isEqualTo("{\"days\":\"SATURDAY\",\"start\":\"09:00\",\"end\":\"12:00\"}");
    }

    @ParameterizedTest(name = "{0} {1}-{2} ''{3}'': {4}")
    @CsvSource(delimiter = '|', value = {
            "''|08:00|17:00|why|Days: choose at least one day of the week the school is open.",
            "MONDAY,Funday|08:00|17:00|why|Days: \"Funday\" is not a day of the week; give MONDAY to SUNDAY.",
            "MONDAY|17:00|08:00|why|End of the school day: 08:00 is not after the start, 17:00.",
            "MONDAY|08:00|08:00|why|End of the school day: 08:00 is not after the start, 08:00.",
            "MONDAY|''|17:00|why|Start of the school day: give a time such as 08:00.",
            "MONDAY|8 am|17:00|why|Start of the school day: \"8 am\" is not a time; give one such as 08:00.",
            "MONDAY|08:00|25:00|why|End of the school day: \"25:00\" is not a time; give one such as 08:00.",
            "MONDAY|08:00|17:00|'  '|Reason: say why the days or hours change."})
    void hoursThatCannotBeRightAreRefusedWithTheReasonAndNothingChanges(String days, String start, String end,
                                                                       String reason, String problem) {
        assertThatThrownBy(() -> setting.choose(Arrays.asList(days.split(",")), start, end, reason, "dsl"))
                .isInstanceOf(TermDatesRejectedException.class)
                .satisfies(e -> assertThat(((TermDatesRejectedException) e).problems()).containsExactly(problem));
        assertThat(setting.history()).isEmpty();
        assertThat(setting.current()).isEqualTo(SchoolHours.WEEKDAYS);
    }

    @Test
    void everyProblemIsSaidAtOnce() {
        assertThatThrownBy(() -> setting.choose(null, "noon", "", "x".repeat(1_001), "dsl"))
                .isInstanceOf(TermDatesRejectedException.class)
                .satisfies(e -> assertThat(((TermDatesRejectedException) e).problems()).containsExactly(
                        "Days: choose at least one day of the week the school is open.",
                        "Start of the school day: \"noon\" is not a time; give one such as 08:00.",
                        "End of the school day: give a time such as 08:00.",
                        "Reason: at most 1000 characters."));
    }

    @Test
    void thePageShowsTheHoursKeepsWhatWasTypedWhenRefusingAndShowsTheHistoryAsText() throws Exception {
        mvc.perform(get("/settings/term-dates").with(as(Role.DSL)))
                .andExpect(content().string(containsString("Now: Monday, Tuesday, Wednesday, Thursday, Friday, 08:00 to 17:00.")))
                .andExpect(content().string(containsString("starting value; no one has chosen yet")))
                .andExpect(content().string(containsString("id=\"day-monday\" value=\"MONDAY\" checked")))
                .andExpect(content().string(containsString("id=\"day-saturday\" value=\"SATURDAY\">")));

        mvc.perform(post("/settings/term-dates/school-hours").param("start", "16:00").param("end", "09:00")
                        .param("reason", "Typed").with(as(Role.DSL)).with(csrf()))
                .andExpect(redirectedUrl("/settings/term-dates#school-hours-heading"))
                .andExpect(flash().attribute("hoursProblems", List.of(
                        "Days: choose at least one day of the week the school is open.",
                        "End of the school day: 09:00 is not after the start, 16:00.")))
                .andExpect(flash().attribute("typedHours",
                        new TermDatesPageController.TypedHours(List.of(), "16:00", "09:00", "Typed")));
        assertThat(setting.history()).isEmpty();

        mvc.perform(post("/settings/term-dates/school-hours").param("days", "MONDAY", "FRIDAY").param("start", "08:30")
                        .param("end", "15:30").param("reason", "<b>New</b> timetable").with(as(Role.ADMIN)).with(csrf()))
                .andExpect(flash().attribute("message", "School days and hours saved: Monday, Friday, 08:30 to 15:30."));
        mvc.perform(get("/settings/term-dates").with(as(Role.DSL)))
                .andExpect(content().string(containsString("Now: Monday, Friday, 08:30 to 15:30.")))
                .andExpect(content().string(containsString("&lt;b&gt;New&lt;/b&gt; timetable")))
                .andExpect(content().string(containsString("id=\"day-friday\" value=\"FRIDAY\" checked")))
                .andExpect(content().string(containsString("id=\"day-tuesday\" value=\"TUESDAY\">")))
                .andExpect(content().string(not(containsString("starting value"))));
        mvc.perform(get("/alerts/on-call").with(as(Role.DSL)))
                .andExpect(content().string(containsString(">08:30–15:30</span>")))
                .andExpect(content().string(containsString(">Monday, Friday</span>")));
    }
}
