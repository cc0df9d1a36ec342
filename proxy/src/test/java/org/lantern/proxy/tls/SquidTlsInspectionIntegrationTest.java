package org.lantern.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.DecisionEngine;
import org.lantern.filter.decision.FilterSnapshot;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.log.DecisionLog;
import org.lantern.filter.log.DecisionLogReader;
import org.lantern.filter.log.LogEntry;
import org.lantern.filter.match.ListId;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;
import org.lantern.proxy.icap.EngineDecider;
import org.lantern.proxy.icap.IcapServer;
import org.lantern.proxy.icap.IcapServerConfig;
import org.lantern.proxy.squid.RealSquid;

/**
 * HTTPS as schools run it: Squid with TLS inspection ({@code ssl_bump}, signing with the school's
 * CA made by {@link SchoolCa}) in front of Lantern's ICAP server, a no-bump list spliced untouched,
 * and an HTTPS origin with its own certificate. The decision log, which feeds the activity log, is
 * what is checked. Needs {@code /usr/sbin/squid} built with OpenSSL (Debian package {@code
 * squid-openssl}); skipped loudly without it, and failed instead when {@code
 * LANTERN_TEST_SYSTEM_REQUIRED=1} (CI).
 */
class SquidTlsInspectionIntegrationTest {

    private static final Path CERTGEN = Path.of("/usr/lib/squid/security_file_certgen");
    private static final String SEARCH_HOST = "search.example.test";
    private static final String BLOCKED_HOST = "casino.example.test";
    private static final String BANK_HOST = "bank.example.test";
    /** On the no-bump list and in a blocked category: decided by its CONNECT alone. */
    private static final String UNINSPECTED_CASINO_HOST = "casino.bank.example.test";
    private static final String ORIGIN_PAGE = "hello over https from ";

    @TempDir
    static Path dir;

    private static SchoolCa schoolCa;
    private static SchoolCa originCa;
    private static DecisionLog decisionLog;
    private static final Queue<CompletableFuture<Void>> logged = new ConcurrentLinkedQueue<>();
    private static IcapServer icap;
    private static HttpsServer origin;
    private static RealSquid squid;
    private static HttpClient client;

    @BeforeAll
    static void startSquidLanternAndOrigin() throws Exception {
        RealSquid.requireInstalled("SquidTlsInspectionIntegrationTest", "'squid-openssl'", RealSquid.SQUID, CERTGEN);
        RealSquid.prepare(dir, SEARCH_HOST + " " + BLOCKED_HOST + " " + BANK_HOST + " " + UNINSPECTED_CASINO_HOST);

        schoolCa = SchoolCa.create("Lantern test school CA", SchoolCa.DEFAULT_VALIDITY, Instant.now());
        schoolCa.writeTo(dir.resolve("ca"));
        originCa = SchoolCa.create("Test public CA", Duration.ofDays(1), Instant.now());
        Files.write(dir.resolve("origin-ca.crt"), originCa.certificatePem());

        CategoryLists.Builder lists = CategoryLists.builder();
        lists.add(new ListId("gambling", "test"), ListKind.DOMAINS, BLOCKED_HOST);
        lists.add(new ListId("gambling", "test"), ListKind.DOMAINS, UNINSPECTED_CASINO_HOST);
        DecisionEngine engine = new DecisionEngine(
                FilterSnapshot.of(PolicyParser.parse(Presets.yaml("astley-park")), 1).withLists(lists.build()));
        decisionLog = DecisionLog.open(dir.resolve("decisions"));
        icap = IcapServer.start(IcapServerConfig.defaults().withPort(0),
                new EngineDecider(engine, Clock.systemUTC(), decision -> logged.add(decisionLog.append(decision))));

        origin = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.setHttpsConfigurator(new HttpsConfigurator(
                OriginCertificates.serverContext(originCa, SEARCH_HOST, BLOCKED_HOST, BANK_HOST, UNINSPECTED_CASINO_HOST)));
        origin.createContext("/", exchange -> {
            byte[] body = (ORIGIN_PAGE + exchange.getRequestHeaders().getFirst("Host"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        origin.start();

        int squidPort = RealSquid.freePort();
        initialiseCertificateStore();
        squid = RealSquid.start(dir, squidConf(squidPort, icap.port()), squidPort);
        client = squid.client(HttpClient.newBuilder()
                .sslContext(trusting(schoolCa.certificate(), originCa.certificate()))
                .version(HttpClient.Version.HTTP_1_1));
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
        if (decisionLog != null) {
            decisionLog.close();
        }
    }

    @Test
    void anHttpsSearchReachesTheLogWithItsFullAddressAndSearchTerm() throws Exception {
        String url = "https://" + SEARCH_HOST + ":" + origin.getAddress().getPort() + "/search?q=how+to+stay+safe";

        HttpResponse<String> response = get(url);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ORIGIN_PAGE + SEARCH_HOST + ":" + origin.getAddress().getPort());
        assertThat(issuerOf(response)).isEqualTo(schoolCa.certificate().getSubjectX500Principal());
        assertThat(entriesFor(SEARCH_HOST))
                .anySatisfy(entry -> {
                    assertThat(entry.method()).isEqualTo("GET");
                    assertThat(entry.url()).isEqualTo(url);
                    assertThat(entry.searchTerm()).isEqualTo("how to stay safe");
                });
    }

    @Test
    void aBlockedHttpsPageShowsLanternsBlockPageInsideTheInspectedConnection() throws Exception {
        HttpResponse<String> response = get("https://" + BLOCKED_HOST + ":" + origin.getAddress().getPort() + "/bet");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(issuerOf(response)).isEqualTo(schoolCa.certificate().getSubjectX500Principal());
        assertThat(response.body())
                .contains("This page is blocked")
                .contains("gambling")
                .contains(BLOCKED_HOST)
                .doesNotContain(ORIGIN_PAGE);
    }

    @Test
    void aNoBumpSiteIsPassedThroughUntouchedAndLoggedAsConnectOnly() throws Exception {
        HttpResponse<String> response = get("https://" + BANK_HOST + ":" + origin.getAddress().getPort()
                + "/account?search=balance");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(issuerOf(response)).isEqualTo(originCa.certificate().getSubjectX500Principal());
        List<LogEntry> entries = entriesFor(BANK_HOST);
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.method()).isEqualTo("CONNECT");
            assertThat(entry.url()).doesNotContain("/account").doesNotContain("balance");
            assertThat(entry.searchTerm()).isNull();
        });
    }

    @Test
    void aNoBumpSiteInABlockedCategoryIsStillBlockedByItsConnect() throws Exception {
        String url = "https://" + UNINSPECTED_CASINO_HOST + ":" + origin.getAddress().getPort() + "/bet";

        assertThatThrownBy(() -> get(url)).isInstanceOf(IOException.class).hasMessageContaining("403");
        assertThat(entriesFor(UNINSPECTED_CASINO_HOST)).singleElement().satisfies(entry -> {
            assertThat(entry.method()).isEqualTo("CONNECT");
            assertThat(entry.action()).isEqualTo(Action.BLOCK);
            assertThat(entry.category()).isEqualTo("gambling");
        });
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "\nSquid output:\n" + squid.output(), e);
        }
    }

    private static X500Principal issuerOf(HttpResponse<?> response) throws Exception {
        X509Certificate served = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        return served.getIssuerX500Principal();
    }

    /** Every decision logged so far about {@code host}, once each one made has been written. */
    private static List<LogEntry> entriesFor(String host) throws IOException {
        CompletableFuture.allOf(logged.toArray(CompletableFuture[]::new)).join();
        try (Stream<LogEntry> entries = new DecisionLogReader(decisionLog.directory()).entries()) {
            return entries.filter(entry -> hostOf(entry.url()).equals(host)).toList();
        }
    }

    /** The host of a logged address, whether a URL or a {@code CONNECT}'s {@code host:port}. */
    private static String hostOf(String url) {
        String authority = url.replaceFirst("^[a-z]+://", "");
        return authority.split("[:/?]", 2)[0];
    }

    /** A client's trust: the school's CA, as installed on school devices, and a stand-in for the public CAs. */
    private static SSLContext trusting(X509Certificate... authorities) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (int i = 0; i < authorities.length; i++) {
            trusted.setCertificateEntry("ca" + i, authorities[i]);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String squidConf(int squidPort, int icapPort) {
        String d = dir.toString();
        StringBuilder conf = new StringBuilder();
        conf.append("http_port 127.0.0.1:").append(squidPort)
                .append(" ssl-bump tls-cert=").append(d).append("/ca/").append(SchoolCa.CERTIFICATE_FILE)
                .append(" tls-key=").append(d).append("/ca/").append(SchoolCa.KEY_FILE)
                .append(" generate-host-certificates=on dynamic_cert_mem_cache_size=4MB\n")
                .append("sslcrtd_program ").append(CERTGEN).append(" -s ").append(d).append("/ssl_db -M 4MB\n")
                .append("sslcrtd_children 2 startup=1 idle=1\n")
                .append("tls_outgoing_options cafile=").append(d).append("/origin-ca.crt\n")
                .append("acl step1 at_step SslBump1\n")
                .append("acl nobump ssl::server_name .").append(BANK_HOST).append('\n')
                .append("ssl_bump peek step1\n")
                .append("ssl_bump splice nobump\n")
                .append("ssl_bump bump all\n")
                .append(RealSquid.commonConfig(dir))
                .append("icap_enable on\n")
                .append("icap_send_client_ip on\n")
                .append("icap_service lantern reqmod_precache icap://127.0.0.1:").append(icapPort)
                .append("/reqmod bypass=off\n")
                .append("acl CONNECT method CONNECT\n")
                // An inspected site's CONNECT is decided by its requests inside: a CONNECT refused
                // with a block page would show the browser only a failed tunnel.
                .append("adaptation_access lantern deny CONNECT !nobump\n")
                .append("adaptation_access lantern allow all\n");
        return conf.toString();
    }

    /** The store of generated site certificates must exist before Squid starts, owned by the user Squid runs as. */
    private static void initialiseCertificateStore() throws Exception {
        Path store = dir.resolve("ssl_db");
        Process init = new ProcessBuilder(CERTGEN.toString(), "-c", "-s", store.toString(), "-M", "4MB")
                .redirectErrorStream(true).start();
        String out = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (init.waitFor() != 0) {
            fail("security_file_certgen -c failed: " + out);
        }
        if (RealSquid.isRoot()) {
            UserPrincipal proxy = store.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("proxy");
            try (Stream<Path> files = Files.walk(store)) {
                for (Path file : files.toList()) {
                    Files.setOwner(file, proxy);
                }
            }
        }
    }
}
