package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lantern behind a real Squid: Squid asks Lantern's ICAP server about each request, exactly as in
 * a school. Needs {@code /usr/sbin/squid} (Debian package {@code squid-openssl} or {@code squid}); skipped loudly without
 * it, and failed instead when {@code LANTERN_TEST_SYSTEM_REQUIRED=1} (CI).
 */
class SquidIcapIntegrationTest {

    private static final Path SQUID = Path.of("/usr/sbin/squid");
    private static final String ORIGIN_PAGE = "hello from the origin server";

    @TempDir
    static Path dir;

    private static IcapServer icap;
    private static HttpServer origin;
    private static Process squid;
    private static HttpClient client;

    @BeforeAll
    static void startSquidLanternAndOrigin() throws Exception {
        if (!Files.isExecutable(SQUID)) {
            String message = "*** SKIPPING SquidIcapIntegrationTest: " + SQUID
                    + " is not installed (Debian package 'squid-openssl' or 'squid') ***";
            if ("1".equals(System.getenv("LANTERN_TEST_SYSTEM_REQUIRED"))) {
                fail(message.replace("SKIPPING", "FAILING") + " and LANTERN_TEST_SYSTEM_REQUIRED=1");
            }
            System.err.println(message);
            assumeTrue(false, message);
        }
        // Squid started as root drops to cache_effective_user, which must reach its log files.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

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

        int squidPort = freePort();
        Files.writeString(dir.resolve("hosts"), "127.0.0.1 allowed.example casino.example www.youtube.com www.google.co.uk\n");
        Files.writeString(dir.resolve("squid.conf"), squidConf(squidPort, icap.port()));
        squid = new ProcessBuilder(SQUID.toString(), "-N", "-d", "1", "-f", dir.resolve("squid.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("squid.out").toFile()).start();
        awaitListening(squidPort);
        client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", squidPort)))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (squid != null) {
            squid.destroy();
            squid.waitFor();
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
            throw new IOException(e.getMessage() + "\nSquid output:\n" + squidOutput(), e);
        }
    }

    private static String squidConf(int squidPort, int icapPort) {
        String d = dir.toString();
        StringBuilder conf = new StringBuilder();
        conf.append("http_port 127.0.0.1:").append(squidPort).append('\n')
                .append("visible_hostname lantern-test\n")
                .append("pid_filename ").append(d).append("/squid.pid\n")
                .append("cache_log ").append(d).append("/cache.log\n")
                .append("access_log ").append(d).append("/access.log\n")
                .append("cache_store_log none\n")
                .append("coredump_dir ").append(d).append('\n')
                .append("netdb_filename none\n")
                .append("pinger_enable off\n")
                .append("cache deny all\n")
                .append("cache_mem 8 MB\n")
                .append("shutdown_lifetime 0 seconds\n")
                .append("hosts_file ").append(d).append("/hosts\n")
                .append("http_access allow localhost\n")
                .append("http_access deny all\n")
                .append("icap_enable on\n")
                .append("icap_send_client_ip on\n")
                .append("icap_send_client_username on\n")
                .append("icap_client_username_header X-Client-Username\n")
                .append("icap_service lantern reqmod_precache icap://127.0.0.1:").append(icapPort)
                .append("/reqmod bypass=off\n")
                .append("adaptation_access lantern allow all\n");
        if ("root".equals(System.getProperty("user.name"))) {
            // Squid refuses to keep root; Debian's package creates the 'proxy' user for it.
            conf.append("cache_effective_user proxy\n");
        }
        return conf.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Start-up wait, not an assertion on speed: Squid opens its port once configured. */
    private static void awaitListening(int port) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            if (!squid.isAlive()) {
                fail("squid exited with " + squid.exitValue() + ":\n" + squidOutput());
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("squid did not open port " + port + " within 30 s:\n" + squidOutput());
    }

    private static String squidOutput() {
        try {
            String out = Files.readString(dir.resolve("squid.out"));
            Path cacheLog = dir.resolve("cache.log");
            return Files.exists(cacheLog) ? out + Files.readString(cacheLog) : out;
        } catch (IOException e) {
            return "(no squid output: " + e.getMessage() + ")";
        }
    }
}
