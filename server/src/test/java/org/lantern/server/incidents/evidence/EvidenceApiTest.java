package org.lantern.server.incidents.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
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

/**
 * Evidence through the REST API: what is accepted and refused, digests and their re-check,
 * the chain of custody, and record-level access with forged ids.
 */
@PersistenceTest
@AutoConfigureMockMvc
class EvidenceApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    AuditChain audit;

    Authentication teacher;
    Authentication otherTeacher;
    Authentication dsl;
    long incident;

    @BeforeEach
    void setUp() {
        EvidenceFixtures.clear(jdbc);
        teacher = TestUsers.signedIn(accountService, accounts, "ev.teacher", Role.STAFF);
        otherTeacher = TestUsers.signedIn(accountService, accounts, "ev.other", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "ev.dsl", Role.DSL);
        incident = EvidenceFixtures.incident(jdbc, incidents, teacher, EvidenceFixtures.ORDINARY);
    }

    private MvcResult upload(Authentication user, long incidentId, String name, String claimedType, byte[] bytes)
            throws Exception {
        return mvc.perform(multipart("/api/v1/incidents/" + incidentId + "/evidence/files")
                .file(new MockMultipartFile("file", name, claimedType, bytes))
                .with(authentication(user)).with(csrf())).andReturn();
    }

    private JsonNode uploaded(Authentication user, String name, byte[] bytes) throws Exception {
        MvcResult result = upload(user, incident, name, "image/png", bytes);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return json(result);
    }

    private MvcResult addJson(Authentication user, long incidentId, String body) throws Exception {
        return mvc.perform(post("/api/v1/incidents/" + incidentId + "/evidence").with(authentication(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private static JsonNode json(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private long evidenceRows() {
        return jdbc.sql("SELECT COUNT(*) FROM evidence").query(Long.class).single();
    }

    private List<String> custodyActions(long evidenceId) {
        return jdbc.sql("SELECT action FROM evidence_custody WHERE evidence_id = :id ORDER BY id")
                .param("id", evidenceId).query(String.class).list();
    }

    private List<Boolean> evidenceAccess(long evidenceId) {
        return jdbc.sql("SELECT allowed FROM record_access WHERE record_type = 'evidence' AND record_id = :id ORDER BY id")
                .param("id", evidenceId).query(Boolean.class).list();
    }

    @Test
    void aLinkIsStoredAsTypedWithTheDigestOfItsText() throws Exception {
        MvcResult result = addJson(teacher, incident, """
                {"kind": "url", "url": " https://chat.example/group/123 "}""");

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode item = json(result);
        assertThat(item.get("kind").asText()).isEqualTo("URL");
        assertThat(item.get("url").asText()).isEqualTo("https://chat.example/group/123");
        assertThat(item.get("sha256").asText()).isEqualTo(EvidenceService.sha256("https://chat.example/group/123"));
        assertThat(item.has("contentUrl")).isFalse();
    }

    @Test
    void aDescriptionWithoutTextIsRefusedAndNothingIsStored() throws Exception {
        AuditChain.Head head = audit.head();

        MvcResult result = addJson(teacher, incident, """
                {"kind": "description", "description": "   "}""");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(result).get("problems").get(0).asText()).isEqualTo("Describe what was seen.");
        assertThat(evidenceRows()).isZero();
        assertThat(audit.head()).isEqualTo(head);
    }

    @Test
    void anUnknownKindIsRefusedNamingTheKindsThatExist() throws Exception {
        MvcResult result = addJson(teacher, incident, """
                {"kind": "photo", "url": "x"}""");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("kind must be url or description");
    }

    @Test
    void aScreenshotIsStoredWithTheTypeFromItsBytesAndItsSha256() throws Exception {
        byte[] png = EvidenceFixtures.png();

        JsonNode item = uploaded(teacher, "group chat.png", png);

        assertThat(item.get("kind").asText()).isEqualTo("SCREENSHOT");
        assertThat(item.get("mediaType").asText()).isEqualTo("image/png");
        assertThat(item.get("sizeBytes").asLong()).isEqualTo(png.length);
        assertThat(item.get("fileName").asText()).isEqualTo("group chat.png");
        assertThat(item.get("sha256").asText()).isEqualTo(EvidenceService.sha256(png));
    }

    @Test
    void aDownloadIsTheSameBytesAsAnAttachmentWithASafeNameAndNoSniffing() throws Exception {
        byte[] png = EvidenceFixtures.png();
        long id = uploaded(teacher, "../..\\evil\"name;.png", png).get("id").asLong();

        MvcResult result = mvc.perform(get("/api/v1/incidents/" + incident + "/evidence/" + id + "/content")
                .with(authentication(dsl))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(png);
        assertThat(result.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(result.getResponse().getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"evil_name_.png\"");
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void aWebPageNamedPngIsRefusedAsAWebPageAndNothingIsStored() throws Exception {
        MvcResult result = upload(teacher, incident, "screenshot.png", "image/png",
                "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(result).get("problems").get(0).asText())
                .startsWith("This file is a web page (HTML) (text/html), whatever its name says.")
                .contains("PNG image", "PDF", "plain text");
        assertThat(evidenceRows()).isZero();
    }

    @Test
    void anSvgIsRefusedBecauseItCanHoldScripts() throws Exception {
        MvcResult result = upload(teacher, incident, "logo.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("SVG drawing");
    }

    @Test
    void aWindowsProgramIsRefused() throws Exception {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';

        MvcResult result = upload(teacher, incident, "homework.pdf", "application/pdf", exe);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("Windows program");
    }

    @Test
    void aFileOverTheEvidenceLimitIsRefusedSayingBothSizes() throws Exception {
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(EvidenceFixtures.png(), 0, big, 0, 8);

        MvcResult result = upload(teacher, incident, "huge.png", "image/png", big);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(result).get("problems").get(0).asText())
                .isEqualTo("The file is 11 MB; evidence files may be at most 10 MB. Nothing was uploaded.");
        assertThat(evidenceRows()).isZero();
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        MvcResult result = upload(teacher, incident, "blank.png", "image/png", new byte[0]);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("The file is empty");
    }

    @Test
    void anIllegalMaterialIncidentTakesLinksButRefusesFilesWithThePoliceGuidance() throws Exception {
        // The illegal path files the record as child protection, which only the DSL's team reads.
        long illegal = EvidenceFixtures.incident(jdbc, incidents, teacher, EvidenceFixtures.ILLEGAL);

        MvcResult file = upload(dsl, illegal, "capture.png", "image/png", EvidenceFixtures.png());
        MvcResult link = addJson(dsl, illegal, """
                {"kind": "url", "url": "http://bad.example/"}""");

        assertThat(file.getResponse().getStatus()).isEqualTo(400);
        assertThat(file.getResponse().getContentAsString())
                .contains("do not copy illegal material; isolate the device and refer to the police");
        assertThat(link.getResponse().getStatus()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_content").query(Long.class).single()).isZero();
    }

    @Test
    void addViewAndDownloadAreEachACustodyRowAndAnAuditEntryWithTheDigest() throws Exception {
        byte[] png = EvidenceFixtures.png();
        long id = uploaded(teacher, "chat.png", png).get("id").asLong();

        JsonNode opened = json(mvc.perform(get("/api/v1/incidents/" + incident + "/evidence/" + id)
                .with(authentication(dsl))).andReturn());
        mvc.perform(get("/api/v1/incidents/" + incident + "/evidence/" + id + "/content").with(authentication(dsl)));

        assertThat(opened.get("custody").findValuesAsText("action")).containsExactly("ADDED", "VIEWED");
        assertThat(opened.get("custody").findValuesAsText("username")).containsExactly("ev.teacher", "ev.dsl");
        assertThat(custodyActions(id)).containsExactly("ADDED", "VIEWED", "DOWNLOADED");
        List<AuditEntry> entries = audit.entriesFor("evidence", Long.toString(id));
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("evidence.added", "evidence.viewed", "evidence.downloaded");
        assertThat(entries).allSatisfy(e -> assertThat(e.detailJson()).contains(EvidenceService.sha256(png)));
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aListShowsItemsWithoutTheirTextAndIsNotACustodyView() throws Exception {
        long id = json(addJson(teacher, incident, """
                {"kind": "description", "description": "Messages telling her to meet."}""")).get("id").asLong();

        MvcResult result = mvc.perform(get("/api/v1/incidents/" + incident + "/evidence").with(authentication(teacher)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(json(result).findValuesAsText("kind")).containsExactly("DESCRIPTION");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Messages telling her");
        assertThat(custodyActions(id)).containsExactly("ADDED");
    }

    @Test
    void bytesChangedInTheDatabaseAreRefusedAsTamperingAndTheRefusalIsRecorded() throws Exception {
        byte[] png = EvidenceFixtures.png();
        long id = uploaded(teacher, "chat.png", png).get("id").asLong();
        byte[] altered = png.clone();
        altered[altered.length - 1] ^= 1;
        jdbc.sql("UPDATE evidence_content SET content = :c WHERE evidence_id = :id").param("c", altered)
                .param("id", id).update();

        MvcResult result = mvc.perform(get("/api/v1/incidents/" + incident + "/evidence/" + id + "/content")
                .with(authentication(dsl))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(json(result).get("title").asText()).isEqualTo("Evidence failed its integrity check");
        assertThat(result.getResponse().getContentAsString()).contains("may have been tampered with");
        assertThat(custodyActions(id)).containsExactly("ADDED", "TAMPERING_DETECTED");
        assertThat(audit.entriesFor("evidence", Long.toString(id))).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("evidence.tampering-detected");
            assertThat(e.detailJson()).contains(EvidenceService.sha256(altered), EvidenceService.sha256(png));
        });
    }

    @Test
    void anotherTeachersIncidentIsNotFoundForEveryEvidenceEndpoint() throws Exception {
        long id = uploaded(teacher, "chat.png", EvidenceFixtures.png()).get("id").asLong();
        String base = "/api/v1/incidents/" + incident + "/evidence";

        int list = mvc.perform(get(base).with(authentication(otherTeacher))).andReturn().getResponse().getStatus();
        int open = mvc.perform(get(base + "/" + id).with(authentication(otherTeacher))).andReturn().getResponse().getStatus();
        int content = mvc.perform(get(base + "/" + id + "/content").with(authentication(otherTeacher))).andReturn()
                .getResponse().getStatus();
        int add = addJson(otherTeacher, incident, """
                {"kind": "url", "url": "http://x.example/"}""").getResponse().getStatus();
        int export = mvc.perform(get(base + "/export").with(authentication(otherTeacher))).andReturn().getResponse().getStatus();

        assertThat(List.of(list, open, content, add, export)).containsOnly(404);
        assertThat(custodyActions(id)).containsExactly("ADDED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_access WHERE record_type = 'incident' AND record_id = :id "
                + "AND username = 'ev.other' AND allowed = FALSE").param("id", incident).query(Long.class).single())
                .isEqualTo(5);
    }

    @Test
    void anEvidenceIdFromAnotherIncidentIsNotFoundAndLoggedAsDenied() throws Exception {
        long id = uploaded(teacher, "chat.png", EvidenceFixtures.png()).get("id").asLong();
        long mine = EvidenceFixtures.incident(jdbc, incidents, otherTeacher, EvidenceFixtures.ORDINARY);

        MvcResult result = mvc.perform(get("/api/v1/incidents/" + mine + "/evidence/" + id + "/content")
                .with(authentication(otherTeacher))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsByteArray()).isNotEqualTo(EvidenceFixtures.png());
        assertThat(evidenceAccess(id)).containsExactly(false);
        assertThat(custodyActions(id)).containsExactly("ADDED");
    }

    @Test
    void anIncidentThatDoesNotExistIsNotFound() throws Exception {
        MvcResult result = upload(dsl, 999_999_999L, "chat.png", "image/png", EvidenceFixtures.png());

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(evidenceRows()).isZero();
    }

    @Test
    void anExportHoldsEachFileAManifestWithDigestsAndTheCustodyLog() throws Exception {
        byte[] png = EvidenceFixtures.png();
        long file = uploaded(teacher, "chat.png", png).get("id").asLong();
        long link = json(addJson(teacher, incident, """
                {"kind": "url", "url": "https://chat.example/g"}""")).get("id").asLong();

        MvcResult result = mvc.perform(get("/api/v1/incidents/" + incident + "/evidence/export")
                .with(authentication(dsl))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"incident-" + incident + "-evidence.zip\"");
        Map<String, byte[]> entries = unzip(result.getResponse().getContentAsByteArray());
        assertThat(entries).containsOnlyKeys("evidence-" + file + "-chat.png", "manifest.csv", "custody.csv");
        assertThat(entries.get("evidence-" + file + "-chat.png")).isEqualTo(png);
        assertThat(new String(entries.get("manifest.csv"), StandardCharsets.UTF_8))
                .contains(EvidenceService.sha256(png), "https://chat.example/g");
        assertThat(new String(entries.get("custody.csv"), StandardCharsets.UTF_8)).contains("EXPORTED,", "ev.dsl");
        assertThat(custodyActions(file)).containsExactly("ADDED", "EXPORTED");
        assertThat(custodyActions(link)).containsExactly("ADDED", "EXPORTED");
    }

    @Test
    void formulasTypedIntoEvidenceAreDisarmedInTheExportsCsvFiles() throws Exception {
        uploaded(teacher, "=HYPERLINK(\"evil.example\",\"open\").png", EvidenceFixtures.png());
        addJson(teacher, incident, """
                {"kind": "description", "description": "@SUM(1+1)*cmd|' /C calc'!A0"}""");

        MvcResult result = mvc.perform(get("/api/v1/incidents/" + incident + "/evidence/export")
                .with(authentication(dsl))).andReturn();

        Map<String, byte[]> entries = unzip(result.getResponse().getContentAsByteArray());
        for (String csv : List.of("manifest.csv", "custody.csv")) {
            List<String> cells = CSVParser.parse(new String(entries.get(csv), StandardCharsets.UTF_8), CSVFormat.DEFAULT)
                    .getRecords().stream().flatMap(CSVRecord::stream).toList();
            assertThat(cells).as(csv).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
        }
        assertThat(new String(entries.get("manifest.csv"), StandardCharsets.UTF_8))
                .contains("'=HYPERLINK(", "'@SUM(1+1)");
    }

    @Test
    void theEvidenceApiIsDocumented() throws Exception {
        JsonNode paths = json(mvc.perform(get("/api/openapi.json")).andReturn()).get("paths");

        assertThat(paths.at("/~1api~1v1~1incidents~1{id}~1evidence/get/summary").asText()).startsWith("List");
        assertThat(paths.at("/~1api~1v1~1incidents~1{id}~1evidence/post/summary").asText()).startsWith("Add a link");
        assertThat(paths.at("/~1api~1v1~1incidents~1{id}~1evidence~1files/post/summary").asText()).startsWith("Upload");
        assertThat(paths.at("/~1api~1v1~1incidents~1{id}~1evidence~1{evidenceId}~1content/get/responses/409").isMissingNode())
                .isFalse();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
