package org.lantern.server.terms;

import java.time.LocalDate;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The school's term dates on the database and on their page: a year of terms, half-terms, INSET
 * days and a bank holiday is kept and read back as the calendar, each change audited; dates in the
 * wrong order, a half-term outside its term, overlapping terms and dates that are not dates are
 * refused with every reason and nothing saved; the page shows dates in words, keeps what was typed
 * when it refuses, shows markup as text, and answers 404 for a term or closure that is not there.
 * A term or closure is changed in place, by the service or from its own page filled with what is
 * kept, checked as a new one is (a term may overlap only what it was) and audited with what it was
 * and what it is now.
 */
@PersistenceTest
@AutoConfigureMockMvc
class TermDatesTest {

    @Autowired
    TermDates terms;
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
        return TestUsers.as(accountService, accounts, "terms", role);
    }

    @Test
    void aYearOfTermsAndClosuresIsKeptReadBackAsTheCalendarAndAudited() {
        SchoolTerm autumn = terms.addTerm("Autumn term 2026", "2026-09-01", "2026-12-18", "2026-10-26", "2026-10-30", "dsl");
        terms.addTerm("Spring term 2027", "4/1/2027", "25/3/2027", "15/2/2027", "19/2/2027", "admin");
        terms.addTerm("Summer term 2027", " 2027-04-12 ", "2027-07-21", "", "", "admin");
        SchoolClosure inset = terms.addClosure("INSET", "Staff training", "2026-09-01", "2026-09-02", "dsl");
        terms.addClosure("holiday", "May Day bank holiday", "2027-05-03", "", "dsl");

        SchoolCalendar calendar = terms.calendar();
        assertThat(calendar.terms()).extracting(SchoolTerm::name, SchoolTerm::startsOn, SchoolTerm::endsOn,
                        SchoolTerm::halfTermStart)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Autumn term 2026", LocalDate.of(2026, 9, 1),
                                LocalDate.of(2026, 12, 18), LocalDate.of(2026, 10, 26)),
                        org.assertj.core.groups.Tuple.tuple("Spring term 2027", LocalDate.of(2027, 1, 4),
                                LocalDate.of(2027, 3, 25), LocalDate.of(2027, 2, 15)),
                        org.assertj.core.groups.Tuple.tuple("Summer term 2027", LocalDate.of(2027, 4, 12),
                                LocalDate.of(2027, 7, 21), null));
        assertThat(calendar.closures()).extracting(SchoolClosure::kind, SchoolClosure::firstDay, SchoolClosure::lastDay)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SchoolClosure.Kind.INSET, LocalDate.of(2026, 9, 1),
                                LocalDate.of(2026, 9, 2)),
                        org.assertj.core.groups.Tuple.tuple(SchoolClosure.Kind.HOLIDAY, LocalDate.of(2027, 5, 3),
                                LocalDate.of(2027, 5, 3)));
        assertThat(calendar.closedBecause(LocalDate.of(2027, 5, 3), java.util.EnumSet.range(java.time.DayOfWeek.MONDAY,
                java.time.DayOfWeek.FRIDAY))).contains("Holiday or closure: May Day bank holiday");

        assertThat(terms.removeTerm(autumn.id(), "dsl")).isTrue();
        assertThat(terms.removeTerm(autumn.id(), "dsl")).as("gone already").isFalse();
        assertThat(terms.removeClosure(inset.id(), "dsl")).isTrue();
        assertThat(terms.calendar().terms()).hasSize(2);
        assertThat(audit.entriesFor(TermDates.RECORD, "term-" + autumn.id())).extracting(AuditEntry::actor,
                AuditEntry::action).containsExactly(org.assertj.core.groups.Tuple.tuple("dsl", "term-dates.term-added"),
                org.assertj.core.groups.Tuple.tuple("dsl", "term-dates.term-removed"));
        assertThat(audit.entriesFor(TermDates.RECORD, "closure-" + inset.id())).extracting(AuditEntry::action)
                .containsExactly("term-dates.closure-added", "term-dates.closure-removed");
    }

    @ParameterizedTest(name = "{0} {1}..{2}, half-term {3}..{4}: {5}")
    @CsvSource(delimiter = '|', value = {
            "Autumn|2026-12-18|2026-09-01|''|''|Last day of term: 1 Sep 2026 is before the first day, 18 Dec 2026.",
            "Autumn|2026-09-01|2026-12-18|2026-10-30|2026-10-26|Last day of half-term: 26 Oct 2026 is before its first day, 30 Oct 2026.",
            "Autumn|2026-09-01|2026-12-18|2026-12-21|2026-12-24|Half-term: it must fall inside the term",
            "Autumn|2026-09-01|2026-12-18|2026-09-01|2026-09-04|Half-term: it must fall inside the term",
            "Autumn|2026-09-01|2026-12-18|2026-10-26|''|Half-term: give both its first and last day, or neither.",
            "Autumn|2026-09-01|2027-09-01|''|''|Last day of term: a term is at most 26 weeks long",
            "Autumn|2026-09-31|2026-12-18|''|''|First day of term: \"2026-09-31\" is not a date",
            "Autumn|31/2/2026|2026-12-18|''|''|First day of term: \"31/2/2026\" is not a date",
            "Autumn|next monday|2026-12-18|''|''|First day of term: \"next monday\" is not a date",
            "Autumn|''|2026-12-18|''|''|First day of term: give a date",
            "''|2026-09-01|2026-12-18|''|''|Term name: give a name of up to 100 characters."})
    void aTermThatCannotBeRightIsRefusedWithTheReasonAndNothingIsSaved(String name, String start, String end,
                                                                      String halfStart, String halfEnd, String reason) {
        assertThatThrownBy(() -> terms.addTerm(name, start, end, halfStart, halfEnd, "dsl"))
                .isInstanceOf(TermDatesRejectedException.class).hasMessageContaining(reason);
        assertThat(terms.terms()).isEmpty();

        SchoolTerm kept = terms.addTerm("Spring term 2030", "2030-01-07", "2030-03-29", "", "", "dsl");
        assertThatThrownBy(() -> terms.updateTerm(kept.id(), name, start, end, halfStart, halfEnd, "dsl"))
                .as("changed in place, the same check").isInstanceOf(TermDatesRejectedException.class)
                .hasMessageContaining(reason);
        assertThat(terms.terms()).containsExactly(kept);
        assertThat(audit.entriesFor(TermDates.RECORD, "term-" + kept.id())).hasSize(1);
    }

    @ParameterizedTest(name = "a term {0}..{1} against the autumn term")
    @CsvSource({"2026-12-18, 2027-03-25", "2026-07-01, 2026-09-01", "2026-10-01, 2026-10-02", "2026-08-01, 2027-01-10"})
    void termsThatOverlapAreRefusedNamingTheOtherTerm(String start, String end) {
        terms.addTerm("Autumn term 2026", "2026-09-01", "2026-12-18", "", "", "dsl");

        assertThatThrownBy(() -> terms.addTerm("Another", start, end, "", "", "dsl"))
                .hasMessageContaining("Dates: they overlap the Autumn term 2026 (1 Sep 2026 to 18 Dec 2026).");
        assertThat(terms.terms()).hasSize(1);

        SchoolTerm other = terms.addTerm("Another", "2028-01-04", "2028-03-24", "", "", "dsl");
        assertThatThrownBy(() -> terms.updateTerm(other.id(), "Another", start, end, "", "", "dsl"))
                .as("moved onto it").hasMessageContaining("Dates: they overlap the Autumn term 2026");
        assertThat(terms.term(other.id())).contains(other);
    }

    @Test
    void aTermOrClosureIsChangedInPlaceOverItsOwnDatesAuditedWithWhatItWasAndIs() {
        SchoolTerm autumn = terms.addTerm("Autumn term 2026", "2026-09-01", "2026-12-18", "", "", "dsl");
        SchoolClosure inset = terms.addClosure("INSET", "Staff training", "2026-09-01", "", "dsl");

        SchoolTerm changed = terms.updateTerm(autumn.id(), " Autumn term 2026 ", "2026-09-02", "18/12/2026",
                "2026-10-26", "2026-10-30", "admin").orElseThrow();
        SchoolClosure moved = terms.updateClosure(inset.id(), "holiday", "Polling day", "2026-09-03", "2026-09-04",
                "admin").orElseThrow();

        assertThat(changed).isEqualTo(new SchoolTerm(autumn.id(), "Autumn term 2026", LocalDate.of(2026, 9, 2),
                LocalDate.of(2026, 12, 18), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30)));
        assertThat(terms.terms()).containsExactly(changed);
        assertThat(moved).isEqualTo(new SchoolClosure(inset.id(), SchoolClosure.Kind.HOLIDAY, "Polling day",
                LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 4)));
        assertThat(terms.closures()).containsExactly(moved);
        AuditEntry termChange = audit.entriesFor(TermDates.RECORD, "term-" + autumn.id()).getLast();
        assertThat(termChange.action()).isEqualTo("term-dates.term-changed");
        assertThat(termChange.actor()).isEqualTo("admin");
        assertThat(termChange.detailJson()).isEqualTo("{\"before\":{\"name\":\"Autumn term 2026\",\"startsOn\":"
                + "\"2026-09-01\",\"endsOn\":\"2026-12-18\",\"halfTermStart\":null,\"halfTermEnd\":null},"
                + "\"after\":{\"name\":\"Autumn term 2026\",\"startsOn\":\"2026-09-02\",\"endsOn\":\"2026-12-18\","
                + "\"halfTermStart\":\"2026-10-26\",\"halfTermEnd\":\"2026-10-30\"}}");
        AuditEntry closureChange = audit.entriesFor(TermDates.RECORD, "closure-" + inset.id()).getLast();
        assertThat(closureChange.action()).isEqualTo("term-dates.closure-changed");
        assertThat(closureChange.detailJson()).isEqualTo("{\"before\":{\"kind\":\"INSET\",\"name\":\"Staff training\","
                + "\"firstDay\":\"2026-09-01\",\"lastDay\":\"2026-09-01\"},\"after\":{\"kind\":\"HOLIDAY\","
                + "\"name\":\"Polling day\",\"firstDay\":\"2026-09-03\",\"lastDay\":\"2026-09-04\"}}");

        assertThat(terms.updateTerm(999_999_999L, "Autumn", "2026-09-01", "2026-12-18", "", "", "dsl")).isEmpty();
        assertThat(terms.updateClosure(999_999_999L, "INSET", "Training", "2026-09-01", "", "dsl")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} {2}..{3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "INSET|Training|2026-09-02|2026-09-01|Last day: 1 Sep 2026 is before the first day, 2 Sep 2026.",
            "HOLIDAY|Long|2026-09-01|2026-10-15|Last day: a closure is at most 31 days",
            "STRIKE|Walkout|2026-09-01|''|Kind: choose an INSET day or a holiday or closure.",
            "INSET|''|2026-09-01|''|Name: give a name of up to 100 characters.",
            "INSET|Training|''|''|First day: give a date"})
    void aClosureThatCannotBeRightIsRefusedWithTheReason(String kind, String name, String first, String last,
                                                         String reason) {
        assertThatThrownBy(() -> terms.addClosure(kind, name, first, last, "dsl"))
                .isInstanceOf(TermDatesRejectedException.class).hasMessageContaining(reason);
        assertThat(terms.closures()).isEmpty();

        SchoolClosure kept = terms.addClosure("INSET", "Kept", "2030-01-07", "", "dsl");
        assertThatThrownBy(() -> terms.updateClosure(kept.id(), kind, name, first, last, "dsl"))
                .as("changed in place, the same check").isInstanceOf(TermDatesRejectedException.class)
                .hasMessageContaining(reason);
        assertThat(terms.closures()).containsExactly(kept);
    }

    @Test
    void thePageShowsDatesInWordsKeepsWhatWasTypedWhenRefusingAndShowsMarkupAsText() throws Exception {
        mvc.perform(post("/settings/term-dates/terms").param("name", "<b>Autumn</b>").param("startsOn", "2026-09-01")
                        .param("endsOn", "2026-12-18").param("halfTermStart", "2026-10-26").param("halfTermEnd", "2026-10-30")
                        .with(as(Role.DSL)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "<b>Autumn</b> added."));
        mvc.perform(post("/settings/term-dates/terms").param("name", "Spring").param("startsOn", "2027-03-25")
                        .param("endsOn", "2027-01-04").with(as(Role.ADMIN)).with(csrf()))
                .andExpect(flash().attribute("termProblems", List.of(
                        "Last day of term: 4 Jan 2027 is before the first day, 25 Mar 2027.")))
                .andExpect(flash().attribute("typedTerm", List.of("Spring", "2027-03-25", "2027-01-04", "", "")));
        mvc.perform(post("/settings/term-dates/closures").param("kind", "INSET").param("name", "Staff training")
                        .param("firstDay", "2026-09-01").with(as(Role.ADMIN)).with(csrf()))
                .andExpect(flash().attribute("message", "INSET day added: Staff training."));

        mvc.perform(get("/settings/term-dates").with(as(Role.DSL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;Autumn&lt;/b&gt;")))
                .andExpect(content().string(containsString("Tue 1 Sep 2026")))
                .andExpect(content().string(containsString("Mon 26 Oct to Fri 30 Oct 2026")))
                .andExpect(content().string(not(containsString(">2026-09-01<"))));
        assertThat(terms.terms()).hasSize(1);
    }

    @Test
    void aTermIsChangedFromItsPageFilledWithWhatIsKeptAndARefusalKeepsWhatWasTypedAndSavesNothing() throws Exception {
        SchoolTerm term = terms.addTerm("<b>Autumn</b>", "2026-09-01", "2026-12-18", "2026-10-26", "2026-10-30", "dsl");
        String page = "/settings/term-dates/terms/" + term.id();
        mvc.perform(get("/settings/term-dates").with(as(Role.DSL)))
                .andExpect(content().string(containsString("href=\"" + page + "\"")));
        mvc.perform(get(page).with(as(Role.DSL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;Autumn&lt;/b&gt;")))
                .andExpect(content().string(containsString("value=\"2026-09-01\"")))
                .andExpect(content().string(containsString("value=\"2026-10-30\"")))
                .andExpect(content().string(not(containsString("data-problems"))));

        mvc.perform(post(page).param("name", "").param("startsOn", "2026-12-18").param("endsOn", "2026-09-01")
                        .with(as(Role.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(content().string(""))
                .andExpect(flash().attribute("problems", List.of("Term name: give a name of up to 100 characters.",
                        "Last day of term: 1 Sep 2026 is before the first day, 18 Dec 2026.")))
                .andExpect(flash().attribute("typed", List.of("", "2026-12-18", "2026-09-01", "", "")));
        assertThat(terms.terms()).containsExactly(term);

        mvc.perform(post(page).param("name", "Autumn term").param("startsOn", "2026-09-02").param("endsOn", "2026-12-18")
                        .with(as(Role.ADMIN)).with(csrf()))
                .andExpect(flash().attribute("message", "Autumn term changed."));
        assertThat(terms.terms()).containsExactly(new SchoolTerm(term.id(), "Autumn term", LocalDate.of(2026, 9, 2),
                LocalDate.of(2026, 12, 18), null, null));
    }

    @Test
    void aClosureIsChangedFromItsPageFilledWithWhatIsKept() throws Exception {
        SchoolClosure closure = terms.addClosure("INSET", "Staff training", "2026-09-01", "", "dsl");
        String page = "/settings/term-dates/closures/" + closure.id();
        mvc.perform(get(page).with(as(Role.DSL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Staff training\"")))
                .andExpect(content().string(containsString("value=\"2026-09-01\"")))
                .andExpect(content().string(containsString("<option value=\"INSET\" selected=\"selected\">")));
        mvc.perform(post(page).param("kind", "STRIKE").param("name", "Walkout").param("firstDay", "2026-09-01")
                        .with(as(Role.ADMIN)).with(csrf()))
                .andExpect(flash().attribute("problems", List.of("Kind: choose an INSET day or a holiday or closure.")));
        assertThat(terms.closures()).containsExactly(closure);

        mvc.perform(post(page).param("kind", "HOLIDAY").param("name", "Polling day").param("firstDay", "2026-09-03")
                        .with(as(Role.ADMIN)).with(csrf()))
                .andExpect(flash().attribute("message", "Holiday or closure changed: Polling day."));
        assertThat(terms.closures()).extracting(SchoolClosure::name, SchoolClosure::lastDay)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Polling day", LocalDate.of(2026, 9, 3)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /settings/term-dates/terms/999999999", "POST, /settings/term-dates/terms/999999999",
            "POST, /settings/term-dates/terms/999999999/remove", "GET, /settings/term-dates/closures/999999999",
            "POST, /settings/term-dates/closures/999999999", "POST, /settings/term-dates/closures/999999999/remove"})
    void aTermOrClosureThatIsNotThereIs404AndNothingChanges(String method, String path) throws Exception {
        SchoolTerm term = terms.addTerm("Autumn", "2026-09-01", "2026-12-18", "", "", "dsl");
        mvc.perform((method.equals("GET") ? get(path) : post(path).param("name", "Autumn").param("startsOn",
                        "2026-09-01").param("endsOn", "2026-12-18").param("kind", "INSET").param("firstDay", "2026-09-01")
                        .with(csrf())).with(as(Role.DSL)))
                .andExpect(status().isNotFound());
        assertThat(terms.terms()).containsExactly(term);
        assertThat(terms.closures()).isEmpty();
    }

    @Test
    void removingARealTermTakesItAway() throws Exception {
        SchoolTerm term = terms.addTerm("Autumn", "2026-09-01", "2026-12-18", "", "", "dsl");

        mvc.perform(post("/settings/term-dates/terms/" + term.id() + "/remove").with(as(Role.ADMIN)).with(csrf()))
                .andExpect(flash().attribute("message", "Autumn removed."));
        assertThat(terms.terms()).isEmpty();
    }
}
