package org.lantern.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.monitor.library.AgeBand;

/**
 * {@code POST /api/v1/monitor/classify} as {@code lantern classify --server} asks it: the server's
 * matcher, built from the school's edited libraries and exclusions. Each text's JSON is given back
 * exactly as the server wrote it (the same {@code ClassificationJson} the local mode prints), so the
 * two modes print the same lines. Every refusal is a {@link CliException} saying what to do.
 */
final class ClassifyClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String PATH = "/api/v1/monitor/classify";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI server;
    private final String token;

    ClassifyClient(String server, String token) {
        this.server = IngestClient.baseUri(server);
        this.token = token;
    }

    /**
     * @param texts at most the server's texts, characters and bytes a request ({@code ClassifyLimits})
     * @return each text's JSON object as the server wrote it, in order
     */
    List<String> classify(List<String> texts, AgeBand band) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("texts", texts);
        request.put("ageBand", band.id());
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(server + PATH))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json").timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new CliException("cannot reach the server at " + server + " (connection refused): start it, or give "
                    + "--server URL");
        } catch (HttpTimeoutException e) {
            throw new CliException("the server at " + server + " did not answer in time");
        } catch (IOException e) {
            throw new CliException("cannot reach the server at " + server + " (" + CliException.rootMessage(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw refused(response.statusCode(), response.body());
        }
        List<String> results = results(response.body());
        if (results.size() != texts.size()) {
            throw new CliException("the server at " + server + " answered " + results.size() + " results for "
                    + texts.size() + " texts: is it a Lantern server of this version? Check --server.");
        }
        return results;
    }

    /** The raw text of each object of the answer's {@code results}, copied, never rewritten. */
    private List<String> results(String body) {
        List<String> results = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnAnswer();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("results")) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw notAnAnswer();
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getCharOffset();
                    results.add(body.substring(start, end));
                }
            }
        } catch (IOException e) {
            throw notAnAnswer();
        }
        return results;
    }

    private CliException notAnAnswer() {
        return new CliException("the server at " + server + " did not answer with results: is it a Lantern server of "
                + "this version? Check --server.");
    }

    private CliException refused(int status, String body) {
        String detail;
        try {
            JsonNode problem = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            detail = problem.path("detail").asText(problem.path("message").asText(""));
        } catch (IOException e) {
            // not our API answering (a proxy's error page): nothing to quote
            detail = "";
        }
        return switch (status) {
            case 401 -> new CliException("the server refused the token" + (detail.isEmpty() ? "" : ": " + detail)
                    + "; give another with --token or LANTERN_TOKEN");
            case 403 -> new CliException("the token may not classify: make one for an account whose role may, such as "
                    + "the DSL's, with './lantern token create --user dsl'");
            case 404 -> new CliException("the server at " + server + " has no classify API: is it a Lantern server of "
                    + "this version? Check --server.");
            default -> new CliException("the server answered " + status + (detail.isEmpty() ? "" : ": " + detail));
        };
    }
}
