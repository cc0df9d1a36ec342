package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.proxy.squid.RealSquid;

/**
 * Lantern behind a real Squid: Squid asks Lantern's ICAP server about each request, exactly as in
 * a school. Needs {@code /usr/sbin/squid} (Debian package {@code squid-openssl} or {@code squid}); skipped loudly without
 * it, and failed instead when {@code LANTERN_TEST_SYSTEM_REQUIRED=1} (CI).
 */
class SquidIcapIntegrationTest {

    private static final String ORIGIN_PAGE = "hello from the origin server";

    @TempDir
    static Path dir;

    private static IcapServer icap;
    private static HttpServer origin;
    private static RealSquid squid;
    private static HttpClient client;

    @BeforeAll
    static void startSquidLanternAndOrigin() throws Exception {
        RealSquid.requireInstalled("SquidIcapIntegrationTest", "'squid-openssl' or 'squid'", RealSquid.SQUID);
        RealSquid.prepare(dir, "allowed.example casino.example www.youtube.com www.google.co.uk");

        Path lists = dir.resolve("lists");
        Files.createDirectories(lists.resolve("gambling"));
        Files.writeString(lists.resolve("gambling/domains"), "casino.example\n");
        icap = IcapServer.start(IcapServerConfig.defaults().withPort(0),
                CategoryListDecider.load(lists, "test", Set.of("gambling"), line -> { }));

        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/", exchange -> {
            // Search engines and YouTube echo the request they received, so a test can see what
            // Squid sent on after Lantern changed it.
            String host = exchange.getRequestHeaders().getFirst("Host");
            StringBuilder echo = new StringBuilder(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n");
            exchange.getRequestHeaders().forEach((name, values) -> echo.append(name).append(": ")
                    .append(String.join(",", values)).append('\n'));
            byte[] body = (host.startsWith("www.youtube.com") || host.startsWith("www.google.co.uk")
                    ? echo.toString() : ORIGIN_PAGE).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        origin.start();

        int squidPort = RealSquid.freePort();
        squid = RealSquid.start(dir, squidConf(squidPort, icap.port()), squidPort);
        client = squid.client(HttpClient.newBuilder());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (squid != null) {
            squid.close();
        }
        if (origin != null) {
            origin.stop(0);
        }
        if (icap != null) {
            icap.close();
        }
    }

    @Test
    void allowedSiteReturnsTheOriginsPage() throws Exception {
        HttpResponse<String> response = get("http://allowed.example:" + origin.getAddress().getPort() + "/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ORIGIN_PAGE);
    }

    @Test
    void siteInABlockedCategoryReturnsLanternsBlockPage() throws Exception {
        HttpResponse<String> response = get("http://casino.example:" + origin.getAddress().getPort() + "/bet");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .contains("This page is blocked")
                .contains("gambling")
                .contains("casino.example")
                .contains("ask for access")
                .contains("report a concern")
                .contains("monitored")
                .doesNotContain(ORIGIN_PAGE);
        assertThat(icap.stats().blocked()).isPositive();
    }

    @Test
    void youtubeIsFetchedWithYouTubeRestrictStrictAddedByLantern() throws Exception {
        HttpResponse<String> response = get("http://www.youtube.com:" + origin.getAddress().getPort() + "/watch?v=x");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("GET /watch?v=x\n").containsIgnoringCase("youtube-restrict: Strict\n");
    }

    @Test
    void googleSearchIsFetchedWithSafeSearchForcedByLantern() throws Exception {
        HttpResponse<String> response = get("http://www.google.co.uk:" + origin.getAddress().getPort()
                + "/search?q=cats&safe=off");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("GET /search?q=cats&safe=active\n");
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "\nSquid output:\n" + squid.output(), e);
        }
    }

    private static String squidConf(int squidPort, int icapPort) {
        return "http_port 127.0.0.1:" + squidPort + "\n"
                + RealSquid.commonConfig(dir)
                + "icap_enable on\n"
                + "icap_send_client_ip on\n"
                + "icap_send_client_username on\n"
                + "icap_client_username_header X-Client-Username\n"
                + "icap_service lantern reqmod_precache icap://127.0.0.1:" + icapPort + "/reqmod bypass=off\n"
                + "adaptation_access lantern allow all\n";
    }
}
