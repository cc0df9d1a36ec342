package org.lantern.server.registers.consents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.evidence.EvidenceService;
import org.lantern.server.registers.FormScans;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scans of signed consent forms through the API with an API token (H2 and PostgreSQL), as the
 * agreements register's are: an upload becomes the consent's evidence and is audited; a pupil's scans
 * are listed without their content or uploaded name; a download is logged in the record-access log;
 * a file that is not an image or PDF, is empty or too large, or names no use, is refused with nothing
 * kept; a pupil with no consent for the use, no such pupil and no such scan are 404.
 */
@PersistenceTest
@AutoConfigureMockMvc
class ConsentScanApiTest {

    static final byte[] PNG = ConsentsRegisterTest.PNG;

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    Consents consents;
    @Autowired
    ConsentScans scans;
    @Autowired
    RecordAccessLog accessLog;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = SchoolTime.today();

    private String office() {
        return TestUsers.bearer(accountService, accounts, tokens, "scanapi.office", Role.OFFICE);
    }

    private long pupilWithPressConsent() {
        long pupil = TestPeople.pupil(jdbc, "Scan", TestPeople.unique("Api"));
        consents.record(pupil, new ConsentForm(PhotoUse.PRESS, true, "Grace Parent", null, today, null), null, null,
                "office", Consents.Mode.CREATE);
        return pupil;
    }

    private long scanCount() {
        return jdbc.sql("SELECT COUNT(*) FROM consent_evidence").query(Long.class).single();
    }

    @Test
    void aScanSentThroughTheApiBecomesTheConsentsEvidenceIsListedAndEachDownloadIsLogged() throws Exception {
        long pupil = pupilWithPressConsent();

        mvc.perform(multipart("/api/v1/registers/consents/" + pupil + "/scans")
                        .file(new MockMultipartFile("file", "press form.png", "image/png", PNG)).param("use", "PRESS")
                        .header("Authorization", office()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.use").value("PRESS"))
                .andExpect(jsonPath("$.evidenceId").isNumber());

        Consent press = consents.of(pupil).get(PhotoUse.PRESS);
        assertThat(scans.get(press.evidenceId()).content()).isEqualTo(PNG);
        assertThat(jdbc.sql("SELECT detail FROM audit_chain WHERE record_type = 'photo-consent' AND record_id = :id "
                        + "AND action = 'consent.scan-attached'").param("id", Long.toString(press.id()))
                .query(String.class).single()).contains("\"mediaType\":\"image/png\"", "\"sha256\"");

        mvc.perform(get("/api/v1/registers/consents/" + pupil + "/scans").header("Authorization", office()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.scans.length()").value(1))
                .andExpect(jsonPath("$.scans[0].scanId").value(press.evidenceId()))
                .andExpect(jsonPath("$.scans[0].consentId").value(press.id()))
                .andExpect(jsonPath("$.scans[0].use").value("PRESS"))
                .andExpect(jsonPath("$.scans[0].givenBy").value("Grace Parent"))
                .andExpect(jsonPath("$.scans[0].mediaType").value("image/png"))
                .andExpect(jsonPath("$.scans[0].sizeBytes").value(PNG.length))
                .andExpect(jsonPath("$.scans[0].sha256").value(EvidenceService.sha256(PNG)))
                .andExpect(jsonPath("$.scans[0].content").doesNotExist())
                .andExpect(content().string(not(containsString("press form"))));
        assertThat(accessLog.forRecord(ConsentScans.RECORD_TYPE, press.evidenceId())).isEmpty();

        mvc.perform(get("/api/v1/registers/consents/scans/" + press.evidenceId()).header("Authorization", office()))
                .andExpect(status().isOk()).andExpect(content().bytes(PNG))
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"press_form.png\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        assertThat(accessLog.forRecord(ConsentScans.RECORD_TYPE, press.evidenceId()))
                .extracting(x -> x.username() + " " + x.channel() + " " + x.allowed())
                .containsExactly("scanapi.office API true");
    }

    @Test
    void aPupilWithNoScanListsNoneAndNoSuchPupilOrScanIsNotFound() throws Exception {
        long pupil = pupilWithPressConsent();
        long staff = TestPeople.person(jdbc, "STAFF", "Scan", TestPeople.unique("Staff"));

        mvc.perform(get("/api/v1/registers/consents/" + pupil + "/scans").header("Authorization", office()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.scans.length()").value(0));
        for (long nobody : new long[] {staff, 999999999L}) {
            mvc.perform(get("/api/v1/registers/consents/" + nobody + "/scans").header("Authorization", office()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("There is no pupil " + nobody + "."));
        }
        mvc.perform(get("/api/v1/registers/consents/scans/999999999").header("Authorization", office()))
                .andExpect(status().isNotFound());
    }

    static Stream<Arguments> badUploads() {
        byte[] big = new byte[(int) FormScans.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        return Stream.of(
                Arguments.of("PRESS", "form.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                        "The scan is a web page (HTML) (text/html), whatever its name says: a scan must be a PNG, "
                                + "JPEG, GIF or WebP image or a PDF. Nothing was recorded."),
                Arguments.of("PRESS", "form.png", new byte[0],
                        "The scan is empty: choose the photo or PDF of the signed form."),
                Arguments.of("PRESS", "form.png", big,
                        "The scan is 5.0 MB; a scan may be at most 5 MB. Nothing was recorded."),
                Arguments.of("", "form.png", PNG, "Say which use's form the scan is of: WEBSITE, SOCIAL_MEDIA, PRESS, "
                        + "DISPLAYS or CLASS_PHOTOS."));
    }

    @ParameterizedTest(name = "use ''{0}'': {3}")
    @MethodSource("badUploads")
    void aBadUploadIsRefusedWithItsReasonAndNothingIsKept(String use, String name, byte[] content, String problem)
            throws Exception {
        long pupil = pupilWithPressConsent();
        long before = scanCount();

        mvc.perform(multipart("/api/v1/registers/consents/" + pupil + "/scans")
                        .file(new MockMultipartFile("file", name, "image/png", content)).param("use", use)
                        .header("Authorization", office()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0]").value(problem));

        assertThat(scanCount()).isEqualTo(before);
        assertThat(consents.of(pupil).get(PhotoUse.PRESS).evidenceId()).isNull();
    }

    @Test
    void aScanForAUseWithNoConsentRecordedIsNotFoundAndNothingIsKept() throws Exception {
        long pupil = pupilWithPressConsent();
        long before = scanCount();

        mvc.perform(multipart("/api/v1/registers/consents/" + pupil + "/scans")
                        .file(new MockMultipartFile("file", "form.png", "image/png", PNG)).param("use", "WEBSITE")
                        .header("Authorization", office()))
                .andExpect(status().isNotFound());

        assertThat(scanCount()).isEqualTo(before);
    }
}
