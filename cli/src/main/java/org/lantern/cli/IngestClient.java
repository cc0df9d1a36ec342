package org.lantern.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server's activity ingest API as the {@code activity} commands use it: where a log file got to
 * ({@code GET /api/v1/activity/sources/{source}}) and a stretch of it sent in ({@code POST
 * /api/v1/activity/ingest}). A refusal the person must act on (a bad token, a token that may not
 * ingest) is a {@link CliException} saying what to do; a server that cannot be reached is an
 * {@link Unreachable}, which {@code ship} waits out and {@code import} reports.
 */
final class IngestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI server;
    private final String token;

    IngestClient(String server, String token) {
        this.server = baseUri(server);
        this.token = token;
    }

    /**
     * @param server a server's address as given
     * @return it as a URI without a trailing slash, to which an API path is appended
     * @throws CliException when it is not an http(s) address
     */
    static URI baseUri(String server) {
        String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new CliException("--server: '" + server + "' is not a URL such as http://lantern.school.example:8080");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new CliException("--server: '" + server + "' is not a URL such as http://lantern.school.example:8080");
        }
        return uri;
    }

    /** The server could not be reached, or broke off: nothing of the stretch is known to be stored. */
    static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    /**
     * Where the next stretch of a source starts.
     *
     * @param offset a byte offset
     * @param line the number of the line starting there
     */
    record Position(long offset, long line) {
    }

    /** A bad line the server left out. */
    record BadLine(long line, String reason) {
    }

    /** What one stretch did; {@code next} is where the following one starts. */
    record Sent(long stored, long duplicates, long bad, long unattributed, List<BadLine> badLines, Position next) {
    }

    /** A stretch not stored because it did not start where the server has got to. */
    static final class OutOfPlace extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Position position;

        OutOfPlace(Position position) {
            super("out of place");
            this.position = position;
        }

        Position position() {
            return position;
        }
    }

    Position position(String source) throws Unreachable {
        JsonNode body = call(HttpRequest.newBuilder(uri("/api/v1/activity/sources/" + encode(source))).GET(), false);
        return new Position(body.get("offset").asLong(), body.get("line").asLong());
    }

    Sent send(String format, String source, Position at, byte[] bytes, int length) throws Unreachable, OutOfPlace {
        return sent(post(format, source, at, "", HttpRequest.BodyPublishers.ofByteArray(bytes, 0, length)));
    }

    /** Has the server pass over one line at {@code at} of {@code length} bytes, too long to send, as a bad line. */
    Sent passOver(String format, String source, Position at, long length) throws Unreachable, OutOfPlace {
        return sent(post(format, source, at, "&overlong=" + length, HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode post(String format, String source, Position at, String more, HttpRequest.BodyPublisher content)
            throws Unreachable {
        URI uri = uri("/api/v1/activity/ingest?format=" + encode(format) + "&source=" + encode(source)
                + "&start=" + at.offset() + "&line=" + at.line() + more);
        return call(HttpRequest.newBuilder(uri).header("Content-Type", "text/plain").POST(content), true);
    }

    private static Sent sent(JsonNode body) throws OutOfPlace {
        if (body.has("nextOffset") && !body.has("stored")) {
            throw new OutOfPlace(new Position(body.get("nextOffset").asLong(), body.get("nextLine").asLong()));
        }
        List<BadLine> bad = new ArrayList<>();
        body.path("badLines").forEach(b -> bad.add(new BadLine(b.get("line").asLong(), b.get("reason").asText())));
        return new Sent(body.get("stored").asLong(), body.get("duplicates").asLong(), body.get("bad").asLong(),
                body.path("unattributed").asLong(), bad,
                new Position(body.get("nextOffset").asLong(), body.get("nextLine").asLong()));
    }

    /** @param conflictIsAnswer whether a 409 with the position to send from is an answer, not an error */
    private JsonNode call(HttpRequest.Builder request, boolean conflictIsAnswer) throws Unreachable {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new Unreachable("cannot reach the server at " + server + " (connection refused): start it, or give "
                    + "--server URL");
        } catch (HttpTimeoutException e) {
            throw new Unreachable("the server at " + server + " did not answer in time");
        } catch (IOException e) {
            throw new Unreachable("cannot reach the server at " + server + " (" + CliException.rootMessage(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status == 200 || status == 409 && conflictIsAnswer && body.has("nextOffset")) {
            return body;
        }
        String detail = body.path("detail").asText(body.path("message").asText(""));
        throw switch (status) {
            case 401 -> new CliException("the server refused the token: " + detail + " Give another with --token or "
                    + "LANTERN_TOKEN.");
            case 403 -> new CliException("the token may not send the activity log in: make one for an administrator "
                    + "with './lantern token create --user admin --scope ingest'");
            case 404 -> new CliException("the server at " + server + " has no activity ingest API: is it a Lantern "
                    + "server of this version? Check --server.");
            case 413 -> new CliException("the server refused a stretch as too large (" + detail + "): raise "
                    + "lantern.activity.ingest-max-bytes on the server to at least " + LogSender.CHUNK_BYTES);
            default -> new CliException("the server answered " + status + (detail.isEmpty() ? "" : ": " + detail));
        };
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            // Not our API answering (a proxy's error page): no fields to read.
            return JSON.createObjectNode();
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create(server + pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
