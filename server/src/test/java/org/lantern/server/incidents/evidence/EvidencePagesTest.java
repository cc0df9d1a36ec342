package org.lantern.server.incidents.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Evidence on the incident pages: the forms, refusals that keep what was typed, the item page. */
@PersistenceTest
@AutoConfigureMockMvc
class EvidencePagesTest {

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
    EvidenceService evidence;

    Authentication teacher;
    Authentication dsl;

    @BeforeEach
    void setUp() {
        EvidenceFixtures.clear(jdbc);
        teacher = TestUsers.signedIn(accountService, accounts, "evp.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "evp.dsl", Role.DSL);
    }

    private String page(Authentication user, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(authentication(user))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    @Test
    void theIncidentPageOffersLinksDescriptionsAndUploadsWithTheLimits() throws Exception {
        long incident = EvidenceFixtures.incident(jdbc, incidents, teacher, EvidenceFixtures.ORDINARY);

        String html = page(teacher, "/incidents/" + incident);

        assertThat(html).contains("id=\"evidence\"", "name=\"url\"", "name=\"description\"", "type=\"file\"",
                "at most 10 MB", "No evidence has been added.");
    }

    @Test
    void anIllegalMaterialIncidentShowsThePoliceGuidanceInsteadOfTheUploadForm() throws Exception {
        long incident = EvidenceFixtures.incident(jdbc, incidents, teacher, EvidenceFixtures.ILLEGAL);

        // The illegal path files the record as child protection, which only the DSL's team reads.
        String html = page(dsl, "/incidents/" + incident);

        assertThat(html).contains("do not copy illegal material; isolate the device and refer to the police")
                .contains("name=\"url\"").doesNotContain("type=\"file\"");
    }

    @Test
    void aRefusedUploadComesBackToTheIncidentWithTheReasonAndStoresNothing() throws Exception {
        long incident = EvidenceFixtures.incident(jdbc, incidents, teacher, EvidenceFixtures.ORDINARY);

        MvcResult result = mvc.perform(multipart("/incidents/" + incident + "/evidence/upload")
                .file(new MockMultipartFile("file", "photo.png", "image/png",
                        "<html><body>not a photo</body></html>".getBytes(StandardCharsets.UTF_8)))
                .with(authentication(teacher)).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/incidents/" + incident + "#evidence");
        assertThat((List<?>) result.getFlashMap().get("evidenceProblems")).singleElement().asString()
                .contains("web page (HTML)", "whatever its name says");
        assertThat(evidence.itemsOf(incident)).isEmpty();
    }

    @Test
    void aRefusedLinkKeepsWhatWasTyped() throws Exception {
        long incident = EvidenceFixtures.incident(jdbc, incidents, teacher, EvidenceFixtures.ORDINARY);
        String tooLong = "https://example.org/" + "a".repeat(2_000);

        MvcResult result = mvc.perform(post("/incidents/" + incident + "/evidence/link").param("url", tooLong)
                .with(authentication(teacher)).with(csrf())).andReturn();

        assertThat(result.getFlashMap().get("evidenceForm"))
                .isEqualTo(new EvidencePageController.EvidenceForm(tooLong, null));
        assertThat((List<?>) result.getFlashMap().get("evidenceProblems")).singleElement().asString()
                .isEqualTo("The address must be at most 2000 characters.");
    }

    @Test
    void theItemPageShowsTheLinkAsTextAndTheCustodyLogIncludingThisView() throws Exception {
        long incident = EvidenceFixtures.incident(jdbc, incidents, teacher, EvidenceFixtures.ORDINARY);
        Evidence link = evidence.addUrl(incident, "https://chat.example/<b>x</b>", Viewer.of(teacher), Channel.PAGE);

        String html = page(dsl, "/incidents/" + incident + "/evidence/" + link.id());

        assertThat(html).contains("https://chat.example/&lt;b&gt;x&lt;/b&gt;").doesNotContain("href=\"https://chat.example");
        assertThat(html).contains("Chain of custody", "evp.teacher", "evp.dsl", "Added", "Viewed", link.sha256());
    }

    @Test
    void anItemOfAnotherIncidentIsNotFound() throws Exception {
        long incident = EvidenceFixtures.incident(jdbc, incidents, teacher, EvidenceFixtures.ORDINARY);
        long other = EvidenceFixtures.incident(jdbc, incidents, teacher, EvidenceFixtures.ORDINARY);
        Evidence link = evidence.addUrl(incident, "https://chat.example/", Viewer.of(teacher), Channel.PAGE);

        int status = mvc.perform(get("/incidents/" + other + "/evidence/" + link.id()).with(authentication(teacher)))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(404);
    }

    @Test
    void aTamperedFileIsRefusedOnThePageInPlainWords() throws Exception {
        long incident = EvidenceFixtures.incident(jdbc, incidents, teacher, EvidenceFixtures.ORDINARY);
        Evidence file = evidence.addFile(incident, "chat.png", EvidenceFixtures.png(), Viewer.of(teacher), Channel.PAGE);
        jdbc.sql("UPDATE evidence_content SET content = :c WHERE evidence_id = :id")
                .param("c", "changed".getBytes(StandardCharsets.UTF_8)).param("id", file.id()).update();

        MvcResult result = mvc.perform(get("/incidents/" + incident + "/evidence/" + file.id() + "/download")
                .with(authentication(dsl))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(result.getResponse().getContentType()).startsWith("text/html");
        assertThat(result.getResponse().getContentAsString())
                .contains("Evidence failed its integrity check", "may have been tampered with");
    }
}
