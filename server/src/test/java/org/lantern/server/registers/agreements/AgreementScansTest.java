package org.lantern.server.registers.agreements;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scans of paper agreement forms on the database (H2 and PostgreSQL): the office records a
 * parent's form with its PDF, register keepers download it and each download is in the
 * record-access log, anyone else is refused; a scan that is not an image or PDF, is empty or too
 * large refuses the whole form, and nothing is kept.
 */
@PersistenceTest
@AutoConfigureMockMvc
class AgreementScansTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    AgreementTexts texts;
    @Autowired
    Acceptances acceptances;
    @Autowired
    RecordAccessLog accessLog;
    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "scans", role);
    }

    private long parentsVersion() {
        return texts.inForce(Audience.PARENTS).orElseThrow().id();
    }

    @Test
    void aParentsFormIsRecordedWithItsScanWhichKeepersDownloadEachLookLogged() throws Exception {
        long pupil = TestPeople.pupil(jdbc, "Sia", TestPeople.unique("Scan"));
        mvc.perform(multipart("/registers/agreements/people/" + pupil + "/paper")
                        .file(new MockMultipartFile("scan", "signed form.pdf", "application/pdf", PDF))
                        .param("versionId", Long.toString(parentsVersion()))
                        .param("signedOn", SchoolTime.today().toString()).param("signedBy", "Pat Parent")
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(redirectedUrl("/registers/agreements/people/" + pupil + "#paper"))
                .andExpect(flash().attribute("recorded", "The paper form is recorded."));

        Acceptance a = acceptances.of(pupil).getFirst();
        assertThat(a.scanId()).isNotNull();
        assertThat(jdbc.sql("SELECT detail FROM audit_chain WHERE record_type = 'agreement-acceptance' AND record_id = :id")
                .param("id", Long.toString(a.id())).query(String.class).single())
                .contains("\"mediaType\":\"application/pdf\"", "\"sha256\"").doesNotContain("%PDF");
        mvc.perform(get("/registers/agreements/people/" + pupil).with(as(Role.OFFICE)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "/registers/agreements/scans/" + a.scanId())));

        mvc.perform(get("/registers/agreements/scans/" + a.scanId()).with(as(Role.OFFICE)))
                .andExpect(status().isOk()).andExpect(content().bytes(PDF))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"signed_form.pdf\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/registers/agreements/scans/" + a.scanId()).with(as(Role.DSL)))
                .andExpect(status().isOk());
        assertThat(accessLog.forRecord(AgreementScans.RECORD_TYPE, a.scanId()))
                .extracting(RecordAccessLog.Access::username, RecordAccessLog.Access::allowed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("scans.office", true),
                        org.assertj.core.groups.Tuple.tuple("scans.dsl", true));

        mvc.perform(get("/registers/agreements/scans/" + a.scanId()).with(as(Role.STAFF)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/registers/agreements/scans/999999999").with(as(Role.OFFICE)))
                .andExpect(status().isNotFound());
    }

    static Stream<Arguments> badScans() {
        byte[] big = new byte[(int) FormScans.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        return Stream.of(
                Arguments.of("form.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                        "The scan is a web page (HTML) (text/html), whatever its name says: a scan must be a PNG, JPEG, "
                                + "GIF or WebP image or a PDF. Nothing was recorded."),
                Arguments.of("form.jpg", "Signed: Pat".getBytes(StandardCharsets.UTF_8),
                        "The scan is a plain text (text/plain), whatever its name says: a scan must be a PNG, JPEG, "
                                + "GIF or WebP image or a PDF. Nothing was recorded."),
                Arguments.of("form.pdf", new byte[0], "The scan is empty: choose the photo or PDF of the signed form."),
                Arguments.of("form.pdf", big, "The scan is 5.0 MB; a scan may be at most 5 MB. Nothing was recorded."));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badScans")
    void aScanThatCannotBeKeptRefusesTheFormAndNothingIsKept(String name, byte[] scan, String problem) throws Exception {
        long pupil = TestPeople.pupil(jdbc, "Sia", TestPeople.unique("Bad"));
        long scans = count("agreement_scan");
        long acceptancesBefore = count("agreement_acceptance");

        mvc.perform(multipart("/registers/agreements/people/" + pupil + "/paper")
                        .file(new MockMultipartFile("scan", name, "application/pdf", scan))
                        .param("versionId", Long.toString(parentsVersion()))
                        .param("signedOn", SchoolTime.today().toString()).param("signedBy", "Pat Parent")
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(redirectedUrl("/registers/agreements/people/" + pupil + "#paper"))
                .andExpect(flash().attribute("problems", List.of(problem)));

        assertThat(count("agreement_scan")).isEqualTo(scans);
        assertThat(count("agreement_acceptance")).isEqualTo(acceptancesBefore);
        assertThat(acceptances.of(pupil)).isEmpty();
    }

    @Test
    void aFormWithNoFileChosenIsRecordedWithoutAScan() throws Exception {
        long pupil = TestPeople.pupil(jdbc, "Sia", TestPeople.unique("None"));
        mvc.perform(multipart("/registers/agreements/people/" + pupil + "/paper")
                        .file(new MockMultipartFile("scan", "", "application/octet-stream", new byte[0]))
                        .param("versionId", Long.toString(parentsVersion()))
                        .param("signedOn", SchoolTime.today().toString()).param("signedBy", "Pat Parent")
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(flash().attribute("recorded", "The paper form is recorded."));
        assertThat(acceptances.of(pupil).getFirst().scanId()).isNull();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
