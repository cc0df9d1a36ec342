package org.lantern.server.incidents.evidence;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.support.TestDatabase;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.lantern.server.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads that the real server's multipart parser (Tomcat's, which MockMvc does not run) reads
 * before any controller: each gets a clear JSON problem, never a 500 or a wrong reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class UploadRefusalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "lantern-test-boundary";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;
    private long incident;

    @BeforeEach
    void setUp() {
        String username = TestPeople.unique("up.dsl");
        incident = EvidenceFixtures.incident(jdbc, incidents,
                TestUsers.signedIn(accountService, accounts, username, Role.DSL), EvidenceFixtures.ORDINARY);
        token = tokens.create(username, "uploads", 30, "test").token();
    }

    private HttpResponse<String> upload(String fileNameHeaderValue, byte[] content) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileNameHeaderValue + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents/" + incident
                                + "/evidence/files"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body());
    }

    @Test
    void aSmallFileWithALongNameIsAcceptedWithItsNameShortened() throws Exception {
        HttpResponse<String> response = upload("n".repeat(600) + ".txt", "hello\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).get("fileName").asText()).startsWith("nnn").hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void aNulInTheFileNameIsRefusedSayingToRenameTheFile() throws Exception {
        HttpResponse<String> response = upload("notes\u0000.txt", "hello\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(problem(response).get("detail").asText()).contains("Rename the file");
        assertNothingStored();
    }

    @Test
    void aNameTooLongEvenForTheRaisedHeaderLimitIsRefusedAsAName() throws Exception {
        HttpResponse<String> response = upload("n".repeat(9000) + ".txt", "hello\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(problem(response).get("detail").asText()).contains("name is too long").doesNotContain("10 MB");
        assertNothingStored();
    }

    @Test
    void aFileOverTheServerLimitIsAProblemInJsonSayingSo() throws Exception {
        HttpResponse<String> response = upload("big.txt", new byte[11 * 1024 * 1024]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problem(response).get("detail").asText()).contains("10 MB");
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence WHERE incident_id = :id").param("id", incident)
                .query(Long.class).single()).isZero();
    }
}
