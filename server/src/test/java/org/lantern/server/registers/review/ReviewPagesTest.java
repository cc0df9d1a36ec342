package org.lantern.server.registers.review;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.reports.SchoolYear;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.ReviewTables;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review as the headteacher and the governor meet it: the headteacher starts it, answers what
 * the DfE asks (script in an answer shown as text) and signs as senior leader; the governor sees
 * only their own signature to give, and signing completes the review. Until a review is complete the
 * annual review is due now, on the "due this month" page. Opening a review is logged as a read, and
 * so is each review in the CSV export.
 * The API, and the evidence pack's, is in the OpenAPI document.
 */
@PersistenceTest
@AutoConfigureMockMvc
class ReviewPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    FilteringReviews reviews;
    @Autowired
    RecordAccessLog access;
    @Autowired
    JdbcClient jdbc;

    /** Each test starts the first review; one left by another class or the demo would refuse the start. */
    @BeforeEach
    void noReviews() {
        ReviewTables.clear(jdbc);
    }

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "review", role);
    }

    @Test
    void theHeadteacherAnswersAndSignsThenTheGovernorSigns() throws Exception {
        String started = mvc.perform(post("/registers/reviews").param("schoolYear", "2026")
                        .with(as(Role.HEADTEACHER)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(started.substring(started.lastIndexOf('/') + 1));
        mvc.perform(get("/registers/due").with(as(Role.HEADTEACHER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The annual filtering and monitoring review")));

        mvc.perform(post("/registers/reviews/" + id + "/sign").param("as", "LEADER")
                        .with(as(Role.HEADTEACHER)).with(csrf()))
                .andExpect(flash().attribute("refused", "Answer what the DfE asks before signing: SEND, EAL, AI tools, BYOD."));
        mvc.perform(post("/registers/reviews/" + id + "/answers").param("send", "<script>alert(1)</script>")
                        .param("eal", "Translation sites open.").param("aiTools", "Blocked for pupils.")
                        .param("byod", "Guest network only.").with(as(Role.HEADTEACHER)).with(csrf()))
                .andExpect(flash().attribute("done", "Answers saved."));
        mvc.perform(get("/registers/reviews/" + id).with(as(Role.HEADTEACHER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("Filter test, run now")))
                .andExpect(content().string(containsString("Sign as the senior leader")))
                .andExpect(content().string(not(containsString("Sign as the governor"))));
        mvc.perform(post("/registers/reviews/" + id + "/sign").param("as", "LEADER")
                        .with(as(Role.HEADTEACHER)).with(csrf()))
                .andExpect(flash().attribute("done", "Signed."));

        mvc.perform(get("/registers/reviews/" + id).with(as(Role.GOVERNOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign as the governor")))
                .andExpect(content().string(not(containsString("Sign as the senior leader"))))
                .andExpect(content().string(not(containsString("Save the answers"))));
        mvc.perform(post("/registers/reviews/" + id + "/sign").param("as", "LEADER")
                        .with(as(Role.GOVERNOR)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/registers/reviews/" + id + "/sign").param("as", "GOVERNOR")
                        .with(as(Role.GOVERNOR)).with(csrf()))
                .andExpect(flash().attribute("done", "Signed."));

        assertThat(reviews.get(id).complete()).isTrue();
        assertThat(reviews.get(id).governorSignedBy()).isEqualTo("review.governor");
        String signedOn = SchoolTime.day(SchoolTime.today());
        mvc.perform(get("/registers/reviews/" + id).with(as(Role.GOVERNOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("As signed on " + signedOn + ".")))
                .andExpect(content().string(containsString("Filter test, as signed")))
                .andExpect(content().string(not(containsString("Filter test, run now"))));
        mvc.perform(get("/api/v1/registers/reviews/" + id).with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedOn").value(SchoolTime.today().toString()))
                .andExpect(jsonPath("$.evidenceNote").value("As signed on " + signedOn + "."))
                .andExpect(jsonPath("$.evidence.filterTest").isArray());
    }

    @Test
    void openingAReviewWithItsEvidenceOnItsPageOrThroughTheApiIsLoggedAsARead() throws Exception {
        FilteringReview review = reviews.start(new SchoolYear(2026), new ReviewAnswers(null, null, null, null, null),
                "head");
        List<RecordAccessLog.Access> before = access.forRecord(FilteringReviews.RECORD_TYPE, review.id());

        mvc.perform(get("/registers/reviews/" + review.id()).with(as(Role.GOVERNOR))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/registers/reviews/" + review.id()).with(as(Role.ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.evidence.filterTest").isArray());
        mvc.perform(get("/registers/reviews/999999999").with(as(Role.GOVERNOR))).andExpect(status().isNotFound());

        List<RecordAccessLog.Access> reads = access.forRecord(FilteringReviews.RECORD_TYPE, review.id());
        assertThat(reads.subList(before.size(), reads.size()))
                .extracting(a -> a.username() + " " + a.channel() + " " + a.allowed())
                .containsExactly("review.governor PAGE true", "review.admin API true");
        assertThat(access.forRecord(FilteringReviews.RECORD_TYPE, 999999999L)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/registers/reviews/export.csv, EXPORT", "/api/v1/registers/reviews/export, API"})
    void everyReviewExportsAsCsvWithFormulasDisarmedAndEachReviewInItLoggedAsARead(String path, String channel)
            throws Exception {
        boolean ours = reviews.latest().map(FilteringReview::complete).orElse(true);
        FilteringReview review = ours
                ? reviews.start(new SchoolYear(reviews.latest().map(r -> r.schoolYear() + 1).orElse(2026)),
                        new ReviewAnswers("=HYPERLINK(\"http://evil.example\")", "Open.", null, null, null), "head")
                : reviews.latest().orElseThrow();
        try {
            List<Long> all = reviews.all().stream().map(FilteringReview::id).toList();
            long readsBefore = reads(channel);

            String csv = mvc.perform(get(path).with(as(Role.GOVERNOR)))
                    .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                    .andExpect(header().string("Content-Disposition", containsString("filtering-reviews-")))
                    .andReturn().getResponse().getContentAsString();

            assertThat(csv).startsWith("Review,School year,Started by,Started,SEND,EAL,AI tools,BYOD,Actions,"
                    + "Senior leader,Senior leader signed,Governor,Governor signed,Complete");
            assertThat(csv.lines().count()).isEqualTo(all.size() + 1L);
            if (ours) {
                assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
            }
            assertThat(reads(channel) - readsBefore).isEqualTo(all.size());
            assertThat(access.forRecord(FilteringReviews.RECORD_TYPE, review.id())).last()
                    .extracting(a -> a.username() + " " + a.channel() + " " + a.allowed())
                    .isEqualTo("review.governor " + channel + " true");
        } finally {
            if (ours) {
                jdbc.sql("DELETE FROM filtering_review WHERE id = :id").param("id", review.id()).update();
            }
        }
    }

    private long reads(String channel) {
        return jdbc.sql("SELECT COUNT(*) FROM record_access WHERE record_type = :type AND channel = :channel")
                .param("type", FilteringReviews.RECORD_TYPE).param("channel", channel).query(Long.class).single();
    }

    @Test
    void onlyReviewReadersExportTheReviews() throws Exception {
        mvc.perform(get("/registers/reviews/export.csv").with(as(Role.OFFICE)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/registers/reviews/export").with(as(Role.PUPIL)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theReviewsApiIsInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/registers/reviews'].get.summary")
                        .value("Every annual filtering and monitoring review, newest first"))
                .andExpect(jsonPath("$.paths['/api/v1/registers/reviews'].post.summary")
                        .value("Start a year's review from the last one"))
                .andExpect(jsonPath("$.paths['/api/v1/registers/reviews/{id}'].get.summary")
                        .value("One review with its evidence"))
                .andExpect(jsonPath("$.paths['/api/v1/registers/reviews/{id}/answers'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/registers/reviews/export'].get.summary")
                        .value("Every review as CSV"))
                .andExpect(jsonPath("$.paths['/api/v1/registers/reviews/{id}/sign'].post.summary")
                        .value("Sign a review as senior leader or governor"))
                .andExpect(jsonPath("$.paths['/api/v1/registers/evidence-pack'].get.summary")
                        .value("The inspection evidence pack (PDF)"))
                .andExpect(jsonPath("$.paths['/api/v1/registers/evidence-pack'].get.responses['200'].content['application/pdf']")
                        .exists());
    }
}
