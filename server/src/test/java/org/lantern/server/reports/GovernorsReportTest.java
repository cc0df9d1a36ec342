package org.lantern.server.reports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The governors' report over generated incidents: suppression, anonymity, school-year boundaries, logging. */
@PersistenceTest
@AutoConfigureMockMvc
class GovernorsReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MOBILE = "Unauthorised / inappropriate use of mobile phone / digital camera / other mobile device";
    private static final String SOCIAL = "Unauthorised / inappropriate use of social media / messaging apps / personal email";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncidentService incidents;
    @Autowired
    ReportLog log;

    Authentication teacher;
    Authentication governor;
    String surname;
    String upn;
    long pupil;

    @BeforeEach
    void setUp() {
        ReportFixtures.clearPastIncidents(jdbc);
        jdbc.sql("DELETE FROM report_generation").update();
        teacher = TestUsers.signedIn(accountService, accounts, "report.teacher", Role.STAFF);
        governor = TestUsers.signedIn(accountService, accounts, "report.governor", Role.GOVERNOR);
        surname = TestPeople.unique("Quibbleworth");
        upn = "Z" + TestPeople.unique("").substring(0, 8).toUpperCase() + "123";
        pupil = ReportFixtures.pupil(jdbc, "Ottoline", surname, upn, "9");
    }

    private static OffsetDateTime london(int year, int month, int day, int hour, int minute) {
        return OffsetDateTime.of(year, month, day, hour, minute, 0, 0, ZoneOffset.UTC)
                .atZoneSimilarLocal(java.time.ZoneId.of("Europe/London")).toOffsetDateTime();
    }

    private JsonNode json(int year) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/reports/governors").param("year", Integer.toString(year))
                .with(authentication(governor))).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode row(JsonNode breakdown, String label) {
        for (JsonNode row : breakdown.get("rows")) {
            if (row.get("label").asText().equals(label)) {
                return row.get("count");
            }
        }
        throw new AssertionError("no row " + label + " in " + breakdown);
    }

    @Test
    void aCategoryWithOneIncidentIsShownAsLessThanThreeAndCarriesNoNumber() throws Exception {
        ReportFixtures.incidents(incidents, teacher, 6, "mobile-device-misuse", london(2012, 10, 3, 10, 0), List.of(pupil), "Alpha");
        ReportFixtures.incidents(incidents, teacher, 1, "social-media-misuse", london(2013, 3, 4, 10, 0), List.of(pupil), "Beta");

        JsonNode report = json(2012);

        JsonNode social = row(report.get("pupilCategories"), SOCIAL);
        assertThat(social.get("display").asText()).isEqualTo("<3");
        assertThat(social.has("value")).isFalse();
        assertThat(row(report.get("byMonth"), "March 2013").get("display").asText()).isEqualTo("<3");
        assertThat(report.get("incidents").get("value").asInt()).isEqualTo(7);
    }

    @Test
    void aLessThanThreeCannotBeRecoveredByTakingTheOtherCountsFromThePrintedTotal() throws Exception {
        ReportFixtures.incidents(incidents, teacher, 6, "mobile-device-misuse", london(2012, 10, 3, 10, 0), List.of(pupil), "Alpha");
        ReportFixtures.incidents(incidents, teacher, 1, "social-media-misuse", london(2012, 10, 4, 10, 0), List.of(pupil), "Beta");

        JsonNode report = json(2012);

        assertThat(report.get("pupilIncidents").get("value").asInt()).isEqualTo(7);
        JsonNode mobile = row(report.get("pupilCategories"), MOBILE);
        assertThat(mobile.get("display").asText()).isEqualTo("withheld");
        assertThat(mobile.has("value")).isFalse();
        long shownSum = 0;
        for (JsonNode r : report.get("pupilCategories").get("rows")) {
            shownSum += r.get("count").path("value").asLong(0);
        }
        assertThat(7 - shownSum).as("what the suppressed cells could add up to").isGreaterThanOrEqualTo(4);
    }

    @Test
    void incidentsFallInTheSchoolYearOfTheirSchoolTimeNotUtc() throws Exception {
        // 23:30 BST on 31 August is still 2012/13; 00:30 BST on 1 September (23:30 UTC on 31 August) is 2013/14.
        ReportFixtures.incidents(incidents, teacher, 3, "mobile-device-misuse", london(2013, 8, 31, 23, 30), List.of(pupil), "Late");
        ReportFixtures.incidents(incidents, teacher, 4, "mobile-device-misuse", london(2013, 9, 1, 0, 30), List.of(pupil), "Early");

        assertThat(json(2012).get("incidents").get("value").asInt()).isEqualTo(3);
        assertThat(row(json(2012).get("byMonth"), "August 2013").get("value").asInt()).isEqualTo(3);
        assertThat(json(2013).get("incidents").get("value").asInt()).isEqualTo(4);
        assertThat(row(json(2013).get("byMonth"), "September 2013").get("value").asInt()).isEqualTo(4);
        assertThat(json(2011).get("incidents").get("value").asInt()).isZero();
    }

    @Test
    void noNameIdentifierOrWordsOfTheRecordsAppearInTheHtmlPdfOrJson() throws Exception {
        ReportFixtures.incidents(incidents, teacher, 4, "mobile-device-misuse", london(2012, 11, 5, 9, 0), List.of(pupil), "Zanzibarish");

        String html = mvc.perform(get("/reports/governors").param("year", "2012").with(authentication(governor)))
                .andReturn().getResponse().getContentAsString();
        byte[] pdf = mvc.perform(get("/reports/governors.pdf").param("year", "2012").with(authentication(governor)))
                .andReturn().getResponse().getContentAsByteArray();
        String json = json(2012).toString();
        String pdfText;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pdfText = new PDFTextStripper().getText(document);
        }

        assertThat(pdfText).contains("report to governors, 2012/13", "November 2012");
        assertThat(html).contains("<svg", "2012/13");
        for (String text : List.of(html, pdfText, json)) {
            assertThat(text).doesNotContain(surname, "Ottoline", upn, "Zanzibarish", "zanzibarish", "report.teacher",
                    "Room ");
        }
    }

    @Test
    void everyGenerationIsLoggedWithWhoAndWhichFormat() throws Exception {
        mvc.perform(get("/reports/governors").param("year", "2012").with(authentication(governor)));
        mvc.perform(get("/reports/governors.pdf").param("year", "2012").with(authentication(governor)));
        json(2012);

        assertThat(log.of("governors")).extracting(ReportLog.Generation::format)
                .containsExactly(ReportLog.Format.JSON, ReportLog.Format.PDF, ReportLog.Format.HTML);
        assertThat(log.of("governors")).allSatisfy(g -> {
            assertThat(g.generatedBy()).isEqualTo("report.governor");
            assertThat(g.period()).isEqualTo("2012/13");
        });
    }

    @Test
    void aYearNoSchoolReportCouldCoverIsABadRequest() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/reports/governors").param("year", "1850")
                .with(authentication(governor))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void thePdfIsADownloadNamedForTheYear() throws Exception {
        MvcResult result = mvc.perform(get("/reports/governors.pdf").param("year", "2012").with(authentication(governor)))
                .andReturn();

        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("governors-report-2012.pdf");
    }
}
