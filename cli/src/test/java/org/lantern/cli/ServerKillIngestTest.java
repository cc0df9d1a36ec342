package org.lantern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ingest.FileIdentity;
import org.lantern.activity.store.DuckDbActivityStore;

/**
 * The server killed with SIGKILL while {@code lantern activity import} sends it a Squid log: after
 * a restart, everything it had acknowledged is still there, and sending the file again stores the
 * rest, so the log holds every line exactly once. The server is a child JVM running the demo, as a
 * school runs it, and the kill comes once it has acknowledged the first stretches, while more are
 * on their way.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerKillIngestTest {

    /** About 20 MB of log: several of the sender's 4 MiB stretches, so the kill lands between two. */
    private static final int LINES = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stopTheServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void nothingAcknowledgedIsLostAndNothingIsStoredTwice() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path log = squidLog(tag);
        Path data = dir.resolve("data");
        int port = freePort();
        server = startServer(data, port, "first");
        String token = ingestToken(data);

        CliRun first = new CliRun();
        Thread sending = Thread.ofPlatform().start(() -> first.lantern("activity", "import", log.toString(),
                "--token", token, "--data-dir", data.toString()));
        long acknowledged = awaitAcknowledged(port, token, FileIdentity.of(log));
        server.toHandle().destroyForcibly();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("server killed").isTrue();
        sending.join(120_000);

        server = startServer(data, port, "second");
        long afterRestart = position(port, token, FileIdentity.of(log));
        CliRun again = new CliRun();
        int code = again.lantern("activity", "import", log.toString(), "--token", token, "--data-dir", data.toString());
        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("server stopped").isTrue();

        assertThat(first.err.toString()).as("the first import was cut off").contains("run it again");
        assertThat(afterRestart).as("acknowledged before the kill").isGreaterThanOrEqualTo(acknowledged);
        assertThat(code).as(again.err.toString()).isZero();
        try (ActivityStore store = DuckDbActivityStore.open(data.resolve("activity").resolve("activity.duckdb"))) {
            assertThat(store.count(new ActivityStore.ActivityQuery(null, null, null, null, null, null, null, null,
                    "kill.example/" + tag + "/", null, null, null))).isEqualTo(LINES);
        }
    }

    /** A Squid log of distinct requests from the last hour. */
    private Path squidLog(String tag) throws IOException {
        Path log = dir.resolve("access.log");
        long start = Instant.now().getEpochSecond() - 3600;
        try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < LINES; i++) {
                out.write((start + i / 100) + "." + String.format("%03d", i % 1000) + "     12 10.0.7." + (i % 200 + 1)
                        + " TCP_MISS/200 1234 GET http://kill.example/" + tag + "/" + i + " - HIER_DIRECT/192.0.2.1 "
                        + "text/html\n");
            }
        }
        return log;
    }

    private Process startServer(Path data, int port, String name) throws Exception {
        Process started = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LanternCommand.class.getName(),
                "demo", "--port", Integer.toString(port), "--data-dir", data.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server-" + name + ".log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            assertThat(started.isAlive()).as(() -> "the server stopped: " + tail(name)).isTrue();
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/login")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return started;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not answer within 4 minutes: " + tail(name));
    }

    private String tail(String name) {
        try {
            String all = Files.readString(dir.resolve("server-" + name + ".log"));
            return all.substring(Math.max(0, all.length() - 2000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String ingestToken(Path data) {
        CliRun create = new CliRun();
        assertThat(create.lantern("token", "create", "--user", "admin", "--scope", "ingest", "--data-dir",
                data.toString())).as(create.err.toString()).isZero();
        return create.out.toString().lines().filter(l -> l.startsWith("lan_")).findFirst().orElseThrow();
    }

    /** Waits until the server has acknowledged part of the file, and says how much. */
    private static long awaitAcknowledged(int port, String token, String source) throws Exception {
        for (int tries = 0; tries < 2400; tries++) {
            long offset = position(port, token, source);
            if (offset > 0) {
                return offset;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server acknowledged nothing in 2 minutes");
    }

    private static long position(int port, String token, String source) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/activity/sources/" + URLEncoder.encode(source, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("offset").asLong();
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
