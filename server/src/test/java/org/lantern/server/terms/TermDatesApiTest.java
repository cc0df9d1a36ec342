package org.lantern.server.terms;

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
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TermTables;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The term dates API with an API token, as a script loading a year's dates would use it: terms and
 * closures added, read back, changed in place and removed, each audited as on the page; refusals say every problem
 * at once and save nothing; a term or closure that is not there is 404; the school's days and hours
 * are chosen with a reason and kept in their history; every route is in the OpenAPI document.
 */
@PersistenceTest
@AutoConfigureMockMvc
class TermDatesApiTest {

    private static final String API = "/api/v1/settings/term-dates";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    TermDates terms;
    @Autowired
    SchoolHoursSetting hours;
    @Autowired
    AuditChain audit;
    @Autowired
    JdbcClient jdbc;

    private String bearer;

    @BeforeEach
    void signIn() {
        TermTables.clear(jdbc);
        bearer = TestUsers.bearer(accountService, accounts, tokens, "termsapi.admin", Role.ADMIN);
    }

    @AfterEach
    void clear() {
        TermTables.clear(jdbc);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        request.header("Authorization", bearer);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    @Test
    void termsAndClosuresAreAddedReadBackAndRemovedEachAuditedAsOnThePage() throws Exception {
        String term = send(post(API + "/terms"), "{\"name\":\"Autumn term 2026\",\"startsOn\":\"2026-09-01\","
                        + "\"endsOn\":\"18/12/2026\",\"halfTermStart\":\"2026-10-26\",\"halfTermEnd\":\"2026-10-30\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.endsOn").value("2026-12-18"))
                .andReturn().getResponse().getContentAsString();
        long termId = Long.parseLong(term.replaceAll(".*\"id\":(\\d+).*", "$1"));
        send(post(API + "/closures"), "{\"kind\":\"inset\",\"name\":\"Staff training\",\"firstDay\":\"2026-09-01\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("INSET"))
                .andExpect(jsonPath("$.lastDay").value("2026-09-01"));

        send(get(API), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.terms[0].name").value("Autumn term 2026"))
                .andExpect(jsonPath("$.terms[0].halfTermStart").value("2026-10-26"))
                .andExpect(jsonPath("$.closures[0].name").value("Staff training"))
                .andExpect(jsonPath("$.schoolHours.days").value(contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                        "FRIDAY")))
                .andExpect(jsonPath("$.schoolHours.start").value("08:00"))
                .andExpect(jsonPath("$.schoolHours.startingValue").value(true));

        send(delete(API + "/terms/" + termId), null).andExpect(status().isNoContent());
        send(delete(API + "/terms/" + termId), null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no term " + termId + "."));
        send(delete(API + "/closures/abc"), null).andExpect(status().isBadRequest());
        assertThat(terms.terms()).isEmpty();
        assertThat(terms.closures()).hasSize(1);
        assertThat(audit.entriesFor(TermDates.RECORD, "term-" + termId)).extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("termsapi.admin", "term-dates.term-added"),
                        org.assertj.core.groups.Tuple.tuple("termsapi.admin", "term-dates.term-removed"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/terms|{\"name\":\"\",\"startsOn\":\"2026-09-31\",\"endsOn\":\"2026-12-18\",\"halfTermStart\":\"2026-10-26\"}|"
                    + "Term name: give a name of up to 100 characters.;First day of term: \"2026-09-31\" is not a date",
            "/terms|''|Term name: give a name;First day of term: give a date;Last day of term: give a date",
            "/terms|{\"name\":\"Autumn\",\"startsOn\":\"2026-12-18\",\"endsOn\":\"2026-09-01\"}|"
                    + "Last day of term: 1 Sep 2026 is before the first day, 18 Dec 2026.",
            "/closures|{\"kind\":\"STRIKE\",\"name\":\"\",\"firstDay\":\"someday\"}|"
                    + "Kind: choose an INSET day or a holiday or closure.;Name: give a name;First day: \"someday\" is not a date",
            "/closures|{\"kind\":\"INSET\",\"name\":\"Long\",\"firstDay\":\"2026-09-01\",\"lastDay\":\"2026-10-15\"}|"
                    + "Last day: a closure is at most 31 days"})
    void whatCannotBeKeptIs400WithEveryProblemAndNothingSaved(String path, String json, String expected)
            throws Exception {
        String body = json.isEmpty() ? null : json;
        refused(send(post(API + path), body), expected);
        assertThat(terms.terms()).isEmpty();
        assertThat(terms.closures()).isEmpty();

        SchoolTerm term = terms.addTerm("Spring term 2030", "2030-01-07", "2030-03-29", "", "", "dsl");
        SchoolClosure closure = terms.addClosure("INSET", "Kept", "2030-01-07", "", "dsl");
        long id = path.equals("/terms") ? term.id() : closure.id();
        refused(send(put(API + path + "/" + id), body), expected);
        assertThat(terms.terms()).containsExactly(term);
        assertThat(terms.closures()).containsExactly(closure);
    }

    private static void refused(ResultActions answer, String expected) throws Exception {
        answer.andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Not saved"));
        String[] problems = expected.split(";");
        for (int i = 0; i < problems.length; i++) {
            answer.andExpect(jsonPath("$.problems[" + i + "]").value(startsWith(problems[i])));
        }
    }

    @Test
    void aTermAndAClosureAreChangedInPlaceAndAuditedWithWhatTheyWereAndAre() throws Exception {
        SchoolTerm term = terms.addTerm("Autumn term 2026", "2026-09-01", "2026-12-18", "", "", "dsl");
        SchoolClosure closure = terms.addClosure("INSET", "Staff training", "2026-09-01", "", "dsl");

        send(put(API + "/terms/" + term.id()), "{\"name\":\"Autumn term 2026\",\"startsOn\":\"2026-09-02\","
                        + "\"endsOn\":\"2026-12-17\",\"halfTermStart\":\"26/10/2026\",\"halfTermEnd\":\"2026-10-30\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(term.id()))
                .andExpect(jsonPath("$.startsOn").value("2026-09-02"))
                .andExpect(jsonPath("$.halfTermStart").value("2026-10-26"));
        send(put(API + "/closures/" + closure.id()), "{\"kind\":\"holiday\",\"name\":\"Polling day\","
                        + "\"firstDay\":\"2026-09-03\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.lastDay").value("2026-09-03"));

        send(get(API), null).andExpect(jsonPath("$.terms.length()").value(1))
                .andExpect(jsonPath("$.terms[0].endsOn").value("2026-12-17"))
                .andExpect(jsonPath("$.closures[0].name").value("Polling day"));
        assertThat(audit.entriesFor(TermDates.RECORD, "term-" + term.id()).getLast())
                .extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly("termsapi.admin", "term-dates.term-changed");
        assertThat(audit.entriesFor(TermDates.RECORD, "term-" + term.id()).getLast().detailJson())
                .contains("\"before\":{\"name\":\"Autumn term 2026\",\"startsOn\":\"2026-09-01\"")
                .contains("\"after\":{\"name\":\"Autumn term 2026\",\"startsOn\":\"2026-09-02\"");
        assertThat(audit.entriesFor(TermDates.RECORD, "closure-" + closure.id()).getLast().action())
                .isEqualTo("term-dates.closure-changed");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "PUT|/terms/999999999|There is no term 999999999.",
            "PUT|/closures/999999999|There is no INSET day or closure 999999999.",
            "DELETE|/terms/999999999|There is no term 999999999.",
            "DELETE|/closures/999999999|There is no INSET day or closure 999999999."})
    void aTermOrClosureThatIsNotThereIs404(String method, String path, String detail) throws Exception {
        String json = "{\"name\":\"Autumn\",\"startsOn\":\"2026-09-01\",\"endsOn\":\"2026-12-18\",\"kind\":\"INSET\","
                + "\"firstDay\":\"2026-09-01\"}";
        send(method.equals("PUT") ? put(API + path) : delete(API + path), method.equals("PUT") ? json : null)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(detail));
        assertThat(terms.terms()).isEmpty();
        assertThat(terms.closures()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs400AndSavesNothing() throws Exception {
        send(post(API + "/terms"), "{\"name\":").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("The request body is not valid JSON")));
        send(put(API + "/school-hours"), "[1,2]").andExpect(status().isBadRequest());
        assertThat(terms.terms()).isEmpty();
        assertThat(hours.history()).isEmpty();
    }

    @Test
    void theSchoolsDaysAndHoursAreChosenWithAReasonAndKeptInTheirHistory() throws Exception {
        send(put(API + "/school-hours"), "{\"days\":[\"friday\",\"MONDAY\",\"wednesday\"],\"start\":\"08:45\","
                        + "\"end\":\"15:15\",\"reason\":\"New timetable from January\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(contains("MONDAY", "WEDNESDAY", "FRIDAY")))
                .andExpect(jsonPath("$.start").value("08:45")).andExpect(jsonPath("$.end").value("15:15"))
                .andExpect(jsonPath("$.startingValue").value(false));
        send(put(API + "/school-hours"), "{\"days\":[],\"start\":\"16:00\",\"end\":\"09:00\",\"reason\":\"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems").value(contains(
                        "Days: choose at least one day of the week the school is open.",
                        "End of the school day: 09:00 is not after the start, 16:00.",
                        "Reason: say why the days or hours change.")));

        send(get(API + "/school-hours/history"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].chosenBy").value("termsapi.admin"))
                .andExpect(jsonPath("$[0].reason").value("New timetable from January"))
                .andExpect(jsonPath("$[0].days").value(contains("MONDAY", "WEDNESDAY", "FRIDAY")));
        send(get(API), null).andExpect(jsonPath("$.schoolHours.end").value("15:15"));
        assertThat(audit.entriesFor(TermDates.RECORD, SchoolHoursSetting.RECORD_ID)).extracting(AuditEntry::actor,
                        AuditEntry::action)
                .containsOnlyOnce(org.assertj.core.groups.Tuple.tuple("termsapi.admin", SchoolHoursSetting.CHOSEN));
    }

    @Test
    void theRoutesAreInTheOpenApiDocument() throws Exception {
        ResultActions document = mvc.perform(get("/api/openapi.json")).andExpect(status().isOk());
        for (String route : List.of("'].get", "/terms'].post", "/closures'].post", "/terms/{id}'].delete",
                "/closures/{id}'].delete", "/terms/{id}'].put", "/closures/{id}'].put", "/school-hours'].put", "/school-hours/history'].get")) {
            document.andExpect(jsonPath("$.paths['" + API + route + ".summary").exists());
        }
    }
}
