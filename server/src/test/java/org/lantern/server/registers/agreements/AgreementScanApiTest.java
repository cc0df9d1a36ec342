package org.lantern.server.registers.agreements;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.lantern.server.registers.FormScans;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
 * The scans of signed paper agreement forms through the API with an API token (H2 and PostgreSQL),
 * as the consent register's scans are: a scan kept for a paper form already recorded becomes its
 * evidence and is audited; a person's scans are listed without their content; a download is logged
 * in the record-access log; an upload that is not an image or PDF, is empty or too large, or names
 * no form, is refused with nothing kept; an acceptance given online has no paper form to scan.
 */
@PersistenceTest
@AutoConfigureMockMvc
class AgreementScanApiTest {

    static final byte[] PDF = AgreementScansTest.PDF;

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AgreementTexts texts;
    @Autowired
    Acceptances acceptances;
    @Autowired
    AgreementScans scans;
    @Autowired
    RecordAccessLog accessLog;
    @Autowired
    JdbcClient jdbc;

    private String token(Role role) {
        return TestUsers.bearer(accountService, accounts, tokens, "agscanapi." + role.name().toLowerCase(), role);
    }

    private AgreementVersion parents() {
        return texts.inForce(Audience.PARENTS).orElseThrow();
    }

    /** A pupil whose parent's paper form is recorded without a scan. */
    private long pupilWithPaperForm() {
        long pupil = TestPeople.pupil(jdbc, "Agnes", TestPeople.unique("Scanapi"));
        acceptances.recordPaper(pupil, parents().id(), SchoolTime.today(), "Ruth Parent", "office");
        return pupil;
    }

    private long scanCount() {
        return jdbc.sql("SELECT COUNT(*) FROM agreement_scan").query(Long.class).single();
    }

    @Test
    void aScanSentThroughTheApiBecomesTheFormsEvidenceIsListedAndEachDownloadIsLogged() throws Exception {
        long pupil = pupilWithPaperForm();

        mvc.perform(multipart("/api/v1/registers/agreements/people/" + pupil + "/scans")
                        .file(new MockMultipartFile("file", "Agnes form.pdf", "application/pdf", PDF))
                        .param("audience", "PARENTS").param("version", Integer.toString(parents().number()))
                        .header("Authorization", token(Role.OFFICE)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.personId").value(pupil))
                .andExpect(jsonPath("$.method").value("PAPER")).andExpect(jsonPath("$.scan").value(true));

        Acceptance a = acceptances.of(pupil).getFirst();
        assertThat(scans.get(a.scanId()).content()).isEqualTo(PDF);
        assertThat(jdbc.sql("SELECT detail FROM audit_chain WHERE record_type = 'agreement-acceptance' "
                        + "AND record_id = :id AND action = 'agreement.scan-attached'").param("id", Long.toString(a.id()))
                .query(String.class).single()).contains("\"mediaType\":\"application/pdf\"", "\"sha256\"")
                .doesNotContain("%PDF");

        mvc.perform(get("/api/v1/registers/agreements/people/" + pupil + "/scans")
                        .header("Authorization", token(Role.HEADTEACHER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.scans.length()").value(1))
                .andExpect(jsonPath("$.scans[0].scanId").value(a.scanId()))
                .andExpect(jsonPath("$.scans[0].acceptanceId").value(a.id()))
                .andExpect(jsonPath("$.scans[0].audience").value("PARENTS"))
                .andExpect(jsonPath("$.scans[0].mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.scans[0].sizeBytes").value(PDF.length))
                .andExpect(content().string(not(containsString("Agnes form"))));
        assertThat(accessLog.forRecord(AgreementScans.RECORD_TYPE, a.scanId())).isEmpty();

        mvc.perform(get("/api/v1/registers/agreements/scans/" + a.scanId()).header("Authorization", token(Role.OFFICE)))
                .andExpect(status().isOk()).andExpect(content().bytes(PDF))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"Agnes_form.pdf\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        assertThat(accessLog.forRecord(AgreementScans.RECORD_TYPE, a.scanId()))
                .extracting(x -> x.username() + " " + x.channel() + " " + x.allowed())
                .containsExactly("agscanapi.office API true");
    }

    static Stream<Arguments> badUploads() {
        byte[] big = new byte[(int) FormScans.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        return Stream.of(
                Arguments.of("PARENTS", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                        "The scan is a web page (HTML) (text/html), whatever its name says: a scan must be a PNG, "
                                + "JPEG, GIF or WebP image or a PDF. Nothing was recorded."),
                Arguments.of("PARENTS", new byte[0],
                        "The scan is empty: choose the photo or PDF of the signed form."),
                Arguments.of("PARENTS", big,
                        "The scan is 5.0 MB; a scan may be at most 5 MB. Nothing was recorded."),
                Arguments.of("", PDF, "Give the audience, e.g. STAFF or PARENTS."),
                Arguments.of("GRANDPARENTS", PDF, "There is no agreement for 'GRANDPARENTS'."));
    }

    @ParameterizedTest(name = "audience ''{0}'': {2}")
    @MethodSource("badUploads")
    void aBadUploadIsRefusedWithItsReasonAndNothingIsKept(String audience, byte[] content, String problem)
            throws Exception {
        long pupil = pupilWithPaperForm();
        long before = scanCount();

        mvc.perform(multipart("/api/v1/registers/agreements/people/" + pupil + "/scans")
                        .file(new MockMultipartFile("file", "form.pdf", "application/pdf", content)).param("audience", audience)
                        .param("version", Integer.toString(parents().number()))
                        .header("Authorization", token(Role.OFFICE)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0]").value(problem));

        assertThat(scanCount()).isEqualTo(before);
        assertThat(acceptances.of(pupil).getFirst().scanId()).isNull();
    }

    @Test
    void noFormRecordedIsNotFoundAndAnOnlineAcceptanceHasNoPaperFormToScan() throws Exception {
        long unsigned = TestPeople.pupil(jdbc, "Agnes", TestPeople.unique("Unsigned"));
        long staff = TestPeople.person(jdbc, "STAFF", "Olly", TestPeople.unique("Online"));
        AgreementVersion staffVersion = texts.inForce(Audience.STAFF).orElseThrow();
        jdbc.sql("INSERT INTO agreement_acceptance (version_id, person_id, method, signed_on, signed_by, recorded_by, "
                        + "recorded_at) VALUES (:v, :p, 'ONLINE', :on, 'Olly Online', 'olly', :at)")
                .param("v", staffVersion.id()).param("p", staff).param("on", SchoolTime.today())
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        long before = scanCount();

        mvc.perform(upload(Role.OFFICE, unsigned, "PARENTS", parents().number()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail", containsString("record the paper form first")));
        mvc.perform(upload(Role.OFFICE, unsigned, "PARENTS", 999))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("There is no version 999 of the")));
        mvc.perform(upload(Role.OFFICE, 999999999L, "PARENTS", parents().number()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("There is no person 999999999."));
        mvc.perform(upload(Role.OFFICE, staff, "STAFF", staffVersion.number()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("online")));
        mvc.perform(get("/api/v1/registers/agreements/people/999999999/scans").header("Authorization", token(Role.OFFICE)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/registers/agreements/scans/999999999").header("Authorization", token(Role.OFFICE)))
                .andExpect(status().isNotFound());

        assertThat(scanCount()).isEqualTo(before);
    }

    @Test
    void onlyRegisterKeepersUploadOrDownload() throws Exception {
        long pupil = pupilWithPaperForm();
        mvc.perform(upload(Role.STAFF, pupil, "PARENTS", parents().number()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/registers/agreements/people/" + pupil + "/scans").header("Authorization",
                        token(Role.PUPIL)))
                .andExpect(status().isForbidden());
        assertThat(acceptances.of(pupil).getFirst().scanId()).isNull();
    }

    private MockHttpServletRequestBuilder upload(Role role, long personId, String audience, int version) {
        return multipart("/api/v1/registers/agreements/people/" + personId + "/scans")
                .file(new MockMultipartFile("file", "form.pdf", "application/pdf", PDF)).param("audience", audience)
                .param("version", Integer.toString(version)).header("Authorization", token(role));
    }
}
