package org.lantern.server.registers.consents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The consent register's pages and API as each user meets them: the office keeps consents and sees
 * no safeguarding record; withdrawing through the API answers with the takedown tasks, and a second
 * withdrawal is a 409; a scan that is a web page is refused on the page; the CSV export disarms
 * formulas; typed HTML is shown as text; a teacher's "who may not be photographed" list names a
 * never-publish pupil exactly as a pupil with no consent, and never the reason.
 */
@PersistenceTest
@AutoConfigureMockMvc
class ConsentPagesTest {

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
    NeverPublish neverPublish;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = SchoolTime.today();

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "consent", role);
    }

    private long pupilIn(String className) {
        long id = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Pages"));
        jdbc.sql("UPDATE person SET registration_class = :c WHERE id = :id").param("c", className).param("id", id).update();
        return id;
    }

    private void give(long pupil, PhotoUse use, String givenBy) {
        consents.record(pupil, new ConsentForm(use, true, givenBy, null, today.minusDays(20), null), null, null, "office",
                Consents.Mode.EITHER);
    }

    @Test
    void theOfficeKeepsConsentsAndHoldsNoSafeguardingPermission() throws Exception {
        assertThat(Role.OFFICE.permissions()).contains(Permission.CONSENTS_READ, Permission.CONSENTS_RECORD,
                        Permission.CONSENTS_NEVER_PUBLISH, Permission.PHOTO_LIST_READ)
                .doesNotContain(Permission.INCIDENT_RECORD, Permission.INCIDENT_READ_ALL, Permission.CHILD_PROTECTION_READ,
                        Permission.ACTIVITY_READ, Permission.DATA_PROTECTION_MANAGE);
        assertThat(Role.STAFF.permissions()).contains(Permission.PHOTO_LIST_READ)
                .doesNotContain(Permission.CONSENTS_READ, Permission.CONSENTS_NEVER_PUBLISH);
        mvc.perform(get("/registers/consents").with(as(Role.OFFICE)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Photo and video consent")));
    }

    @Test
    void withdrawingThroughTheApiAnswersWithTheTakedownTasksAndTwiceIsAConflict() throws Exception {
        long pupil = pupilIn("9Z");
        give(pupil, PhotoUse.SOCIAL_MEDIA, "Grace Parent");
        Publication post = publications.record(new Publications.Draft(PhotoUse.SOCIAL_MEDIA, "Trip photos",
                "https://social.example/school/1", today.minusDays(2), "consent.office", Set.of(pupil)), "office");
        String body = "{\"uses\":[\"SOCIAL_MEDIA\"],\"withdrawnBy\":\"Grace Parent\"}";

        mvc.perform(post("/api/v1/registers/consents/" + pupil + "/withdraw").contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(as(Role.OFFICE)).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.takedownTasks", hasSize(1)))
                .andExpect(jsonPath("$.takedownTasks[0].publicationId").value(post.id()))
                .andExpect(jsonPath("$.takedownTasks[0].owner").value("consent.office"))
                .andExpect(jsonPath("$.takedownTasks[0].dueOn").value(today.plusDays(TakedownDays.DEFAULT).toString()));
        mvc.perform(post("/api/v1/registers/consents/" + pupil + "/withdraw").contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(as(Role.OFFICE)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("already withdrawn")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM takedown_task WHERE person_id = :p").param("p", pupil)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theApiCreatesThenUpdatesAConsentAndRefusesACreateOverIt() throws Exception {
        long pupil = pupilIn("9Z");
        String form = "{\"use\":\"PRESS\",\"granted\":true,\"givenBy\":\"Grace Parent\",\"givenOn\":\"" + today + "\"}";
        mvc.perform(post("/api/v1/registers/consents/" + pupil).contentType(MediaType.APPLICATION_JSON).content(form)
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.use").value("PRESS"));
        mvc.perform(post("/api/v1/registers/consents/" + pupil).contentType(MediaType.APPLICATION_JSON).content(form)
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/registers/consents/" + pupil + "/press").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"granted\":false,\"givenBy\":\"Sam Carer\",\"givenOn\":\"" + today + "\"}")
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.granted").value(false));
        mvc.perform(put("/api/v1/registers/consents/" + pupil + "/website").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"granted\":true,\"givenBy\":\"Sam Carer\",\"givenOn\":\"" + today + "\"}")
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/registers/consents/" + pupil).with(as(Role.OFFICE)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.uses[2].status").value("Refused"))
                .andExpect(jsonPath("$.uses[2].mayAppear").value(false));
    }

    @Test
    void aScanThatIsAWebPageIsRefusedOnThePageAndNothingIsRecorded() throws Exception {
        long pupil = pupilIn("9Z");
        MockMultipartFile scan = new MockMultipartFile("scan", "form.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/registers/consents/people/" + pupil).file(scan).param("use", "WEBSITE")
                        .param("granted", "yes").param("givenBy", "Grace Parent").param("givenOn", today.toString())
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(redirectedUrl("/registers/consents/people/" + pupil + "#record"))
                .andExpect(flash().attribute("problems", List.of("The scan is a web page (HTML) (text/html), whatever "
                        + "its name says: a scan must be a PNG, JPEG, GIF or WebP image or a PDF. Nothing was recorded.")));
        assertThat(consents.of(pupil)).isEmpty();
    }

    @Test
    void theExportDisarmsFormulasAndThePageShowsTypedHtmlAsText() throws Exception {
        long pupil = pupilIn("9Y");
        give(pupil, PhotoUse.WEBSITE, "=HYPERLINK(\"http://evil.example\")");
        give(pupil, PhotoUse.DISPLAYS, "<script>alert(1)</script>");

        String csv = mvc.perform(get("/registers/consents/export.csv").param("class", "9Y")
                        .with(as(Role.OFFICE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"").doesNotContain(",=HYPERLINK");
        assertThat(csv.lines().filter(l -> l.startsWith(pupil + ",")).count()).isEqualTo(PhotoUse.values().length);

        mvc.perform(get("/registers/consents/people/" + pupil).with(as(Role.OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void aTeachersListShowsANeverPublishPupilLikeOneWithNoConsentAndNeverWhy() throws Exception {
        long flagged = pupilIn("9X");
        long notAsked = pupilIn("9X");
        long allowed = pupilIn("9X");
        for (PhotoUse use : PhotoUse.values()) {
            give(flagged, use, "Grace Parent");
            give(allowed, use, "Grace Parent");
        }
        neverPublish.set(flagged, NeverPublishReason.COURT_ORDER, "Birth family must not find the child.", "dsl");

        String page = mvc.perform(get("/registers/consents/no-photos").param("class", "9X")
                        .with(as(Role.STAFF)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String flaggedName = consents.pupil(flagged).displayName();
        String notAskedName = consents.pupil(notAsked).displayName();
        assertThat(page).contains(flaggedName, notAskedName).doesNotContain(consents.pupil(allowed).displayName())
                .doesNotContain("Court order").doesNotContain("Birth family").doesNotContain("Never publish");
        assertThat(page.split("no photographs at all", -1)).hasSize(3);
        mvc.perform(get("/registers/consents/people/" + flagged).with(as(Role.STAFF)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/registers/consents/people/" + flagged).with(as(Role.HEADTEACHER)))
                .andExpect(content().string(containsString("Birth family must not find the child.")));
    }
}
