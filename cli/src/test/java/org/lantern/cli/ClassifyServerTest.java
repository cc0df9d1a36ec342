package org.lantern.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.monitoring.ClassifyLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lantern classify --server} against a real running demo whose DSL has added a school
 * exclusion: the server's matcher, with the school's libraries, answers; a file goes in batches
 * and comes back line for line as the local mode prints it; every failure is one line on stderr.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassifyServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXCLUDED = "online casino maths project";

    private final String dataDir = "target/classify-" + UUID.randomUUID();
    private String url;
    private String token;

    @BeforeAll
    void startTheDemoAndExcludeAPhrase() throws Exception {
        url = RunningDemo.start(dataDir);
        token = RunningDemo.token(dataDir, "dsl");
        HttpResponse<String> excluded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url + "/api/v1/monitor/libraries/gambling/exclusions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("phrase", "online casino",
                        "context", EXCLUDED, "reason", "Year 10 probability project")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(excluded.statusCode()).as(excluded.body()).isEqualTo(201);
    }

    @AfterAll
    void stopTheDemo() {
        RunningDemo.stop();
    }

    private CliRun classify(String... args) {
        CliRun cli = new CliRun();
        List<String> all = new ArrayList<>(List.of("classify"));
        all.addAll(List.of(args));
        cli.lantern(all.toArray(String[]::new));
        return cli;
    }

    @Test
    void theServerUsesTheSchoolsExclusionWhereTheShippedLibrariesAlert() throws IOException {
        CliRun local = classify(EXCLUDED, "--json");
        CliRun remote = classify("--server=" + url, "--token", token, EXCLUDED, "--json");

        assertThat(JSON.readTree(local.out.toString()).path("level").asInt()).isPositive();
        assertThat(remote.err.toString()).isEmpty();
        JsonNode answer = JSON.readTree(remote.out.toString());
        assertThat(answer.path("level").asInt()).isZero();
        assertThat(answer.path("text").asText()).isEqualTo(EXCLUDED);
    }

    @Test
    void theDemoIsFoundFromItsDataDirectoryAndTheSummaryAndExitCodeAreTheLocalOnes() {
        String text = "i want to kill myself";
        CliRun local = classify(text);
        CliRun remote = classify("--server", "--token", token, "--data-dir", dataDir, text);

        assertThat(remote.err.toString()).isEmpty();
        assertThat(remote.out.toString()).isEqualTo(local.out.toString()).startsWith("level 5: suicide 5");
    }

    @Test
    void aFileGoesInBatchesAndComesBackLineForLineAsTheLocalModePrintsIt() throws IOException {
        List<String> texts = new ArrayList<>();
        String[] samples = {"i want to kill myself", "how to help a friend who self-harms", "homework on photosynthesis",
            "k1ll myself", "naïve café ☕", "", "\"quoted\" \\ back\tslash", EXCLUDED};
        // more texts than one request may hold, and more characters than one may carry
        for (int i = 0; texts.size() < ClassifyLimits.MAX_TEXTS + 200; i++) {
            texts.add(samples[i % samples.length]);
        }
        texts.add("x".repeat(ClassifyLimits.MAX_CHARS / 2));
        texts.add("suicide " + "y".repeat(ClassifyLimits.MAX_CHARS / 2));
        Path file = Files.createDirectories(Path.of(dataDir)).resolve("texts.txt");
        Files.writeString(file, String.join("\n", texts) + "\n", StandardCharsets.UTF_8);

        CliRun local = classify("--file", file.toString());
        CliRun remote = classify("--server", url, "--token", token, "--file", file.toString());

        assertThat(remote.err.toString()).isEmpty();
        List<String> here = local.out.toString().lines().toList();
        List<String> there = remote.out.toString().lines().toList();
        assertThat(there).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).equals(EXCLUDED)) {
                assertThat(JSON.readTree(there.get(i)).path("level").asInt()).as("line " + (i + 1)).isZero();
            } else {
                assertThat(there.get(i)).as("line " + (i + 1)).isEqualTo(here.get(i));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a token the server does not know | lan_not-a-token | URL | the server refused the token",
            "no token | '' | URL | no API token: give --token TOKEN or set LANTERN_TOKEN",
            "no server there | TOKEN | http://localhost:1 | cannot reach the server at http://localhost:1",
            "not a URL | TOKEN | not a url | --server: 'not a url' is not a URL"})
    void aFailureIsOneLineOnStderrAndNothingOnStdout(String name, String tokenGiven, String server, String says) {
        CliRun cli = classify("--server=" + server.replace("URL", url), "--token",
                tokenGiven.replace("TOKEN", token), "i want to kill myself");

        assertThat(cli.out.toString()).isEmpty();
        assertThat(cli.err.toString().lines().toList()).hasSize(1).first().asString().contains(says);
    }
}
