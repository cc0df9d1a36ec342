package org.lantern.server.registers.training;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The training register's pages and API as the office meets them: the overdue list in the page,
 * the API and a CSV with formulas disarmed and markup shown as text; a certificate that is a web
 * page refused with nothing recorded; an import with bad lines refused with their numbers.
 */
@PersistenceTest
@AutoConfigureMockMvc
class TrainingPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    TrainingCourses courses;
    @Autowired
    TrainingCompletions completions;
    @Autowired
    JdbcClient jdbc;

    private Authentication office() {
        return TestUsers.signedIn(accountService, accounts, "pages.training.office", Role.OFFICE);
    }

    private long staff(String last) {
        long id = TestPeople.person(jdbc, "STAFF", "=HYPERLINK(\"http://x\")", last);
        jdbc.sql("UPDATE person SET start_date = :s WHERE id = :id").param("s", LocalDate.of(2020, 9, 1))
                .param("id", id).update();
        return id;
    }

    @Test
    void theOverdueAreListedOnThePageInTheApiAndInACsvWithFormulasDisarmed() throws Exception {
        String last = TestPeople.unique("<b>Overdue</b>");
        long person = staff(last);

        mvc.perform(get("/registers/training").with(authentication(office())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;Overdue&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>Overdue</b>"))));
        mvc.perform(get("/api/v1/registers/training/overdue").with(authentication(office())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue[*].personId", hasItem((int) person)));
        String csv = mvc.perform(get("/registers/training/export.csv?which=overdue").with(authentication(office())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\") " + last + "\"", "Cyber security", "Overdue")
                .doesNotContain(",=HYPERLINK");
        mvc.perform(get("/registers/training/export.csv?which=everything").with(authentication(office())))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is not a list")));
    }

    @Test
    void aCertificateThatIsAWebPageIsRefusedOnThePageAndNothingIsRecorded() throws Exception {
        long person = staff(TestPeople.unique("Cert"));
        long course = courses.findByCode("SAFEGUARDING").orElseThrow().id();
        MockMultipartFile page = new MockMultipartFile("certificate", "certificate.pdf", "application/pdf",
                "<html><body>not a pdf</body></html>".getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/registers/training/people/" + person + "/completions").file(page)
                        .param("courseId", Long.toString(course)).param("completedOn", SchoolTime.today().toString())
                        .param("evidence", "kept").with(authentication(office())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", hasItem(containsString("web page (HTML)"))))
                .andExpect(flash().attribute("typedEvidence", "kept"));
        assertThat(completions.list(person)).isEmpty();

        mvc.perform(post("/api/v1/registers/training/completions").with(authentication(office())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + person + ",\"courseId\":" + course + ",\"completedOn\":\"31/12/2026\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("is not a date")));
        mvc.perform(post("/api/v1/registers/training/completions").with(authentication(office())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + person + ",\"courseId\":" + course + ",\"completedOn\":\""
                                + SchoolTime.today() + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/registers/training/completions").with(authentication(office())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + person + ",\"courseId\":" + course + ",\"completedOn\":\""
                                + SchoolTime.today() + "\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void anImportWithBadLinesIsRefusedWithTheirNumbersThroughThePageAndTheApi() throws Exception {
        long person = staff(TestPeople.unique("Import"));
        byte[] csv = ("course,person id,completed on\nCYBER_SECURITY," + person + ",2026-10-01\nNOPE," + person
                + ",2026-10-01\n").getBytes(StandardCharsets.UTF_8);

        mvc.perform(multipart("/registers/training/import").file(new MockMultipartFile("file", "t.csv", "text/csv", csv))
                        .with(authentication(office())).with(csrf()))
                .andExpect(flash().attribute("problems", hasItem("Line 3: there is no course 'NOPE'.")));
        mvc.perform(post("/api/v1/registers/training/completions/import").with(authentication(office())).with(csrf())
                        .contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[1]").value("Line 3: there is no course 'NOPE'."));
        assertThat(completions.list(person)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/registers/training", "/registers/training/courses", "/registers/training/starters",
            "/registers/training/import"})
    void everyPageOpensForTheOffice(String path) throws Exception {
        mvc.perform(get(path).with(authentication(office()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>")));
    }

    @Test
    void aPersonsPageShowsTheirCoursesAndTheFormAndAPupilHasNone() throws Exception {
        long person = staff(TestPeople.unique("Page"));
        mvc.perform(get("/registers/training/people/" + person).with(authentication(office())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Record the completion")))
                .andExpect(content().string(containsString("Cyber security")));
        long pupil = TestPeople.pupil(jdbc, "Pip", TestPeople.unique("Pupil"));
        mvc.perform(get("/registers/training/people/" + pupil).with(authentication(office())))
                .andExpect(status().isNotFound());
    }
}
