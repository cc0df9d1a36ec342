package org.lantern.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code lantern demo} as a newcomer runs it, with the data directory given as the default is, relative
 * to the working directory (H2 refused such a path, so the first run of a fresh clone failed), and the
 * other commands run against it with no flag but where its data is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCommandTest {

    /** Relative, as the default {@code data} is: under the module's target directory. */
    private final String dataDir = "target/demo-" + UUID.randomUUID();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private int port;

    @BeforeAll
    void startTheDemo() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PrintStream original = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CliRun().lantern("demo", "--port", String.valueOf(port), "--data-dir", dataDir)).isZero();
        } finally {
            System.setOut(original);
        }
    }

    @AfterAll
    void stopTheDemo() {
        ServerLauncher.stop();
    }

    @Test
    void theSignInPageAnswersAndTheBannerSaysWhereWithTheAccountsSetApartFromTheLog() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains(System.lineSeparator() + System.lineSeparator() + "+---",
                "| Lantern is running: open http://localhost:" + port + "/ and sign in.", "| pupil ");
        assertThat(Path.of(dataDir, DataDirectory.MODE_FILE)).hasContent("demo");
    }

    @Test
    void aDemoPupilIsBlockedFromAGamblingSiteByTheShippedListsAndCheckSaysSoInJsonAlone() throws Exception {
        CliRun cli = new CliRun();

        int code = cli.lantern("check", "https://www.bet365.com/", "--user", "pupil", "--json", "--data-dir", dataDir);

        assertThat(code).as(cli.err.toString()).isEqualTo(1);
        JsonNode decision = new ObjectMapper().readTree(cli.out.toString());
        assertThat(decision.get("allowed").asBoolean()).isFalse();
        assertThat(decision.get("category").asText()).isEqualTo("gambling");
        assertThat(cli.err.toString()).isEmpty();
    }

    @Test
    void tokensAndTheAuditChainNeedNoFlagsAndATokenImportsTheSchoolNoSecondTime() throws Exception {
        CliRun first = new CliRun();
        CliRun second = new CliRun();
        CliRun audit = new CliRun();

        assertThat(first.lantern("token", "create", "--user", "admin", "--name", "one", "--data-dir", dataDir)).isZero();
        assertThat(second.lantern("token", "create", "--user", "admin", "--name", "two", "--data-dir", dataDir)).isZero();
        assertThat(audit.lantern("audit", "verify", "--data-dir", dataDir)).isZero();

        assertThat(first.out.toString()).contains("lan_");
        assertThat(first.err.toString() + second.err.toString() + audit.err.toString()).isEmpty();
        assertThat(audit.out.toString()).startsWith("OK: ");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + Path.of(dataDir, "lantern").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "lantern", "");
             ResultSet imports = db.createStatement().executeQuery("SELECT COUNT(*) FROM people_import")) {
            imports.next();
            assertThat(imports.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void theDatabaseServerForOtherProcessesListensOnLoopbackOnly() throws IOException {
        Properties lock = new Properties();
        try (var in = Files.newInputStream(Path.of(dataDir, "lantern.lock.db"))) {
            lock.load(in);
        }
        // H2 writes 127.0.0.1 as "localhost"; unbound, it writes the machine's own address.
        assertThat(lock.getProperty("server")).startsWith("localhost:");
        int databasePort = Integer.parseInt(lock.getProperty("server").substring("localhost:".length()));

        try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), databasePort)) {
            assertThat(loopback.isConnected()).isTrue();
        }
        for (InetAddress address : nonLoopbackAddresses()) {
            assertThatThrownBy(() -> new Socket(address, databasePort).close()).as("connect via %s", address)
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> new Socket(address, port).close()).as("web port via %s", address)
                    .isInstanceOf(IOException.class);
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(address -> address instanceof Inet4Address).toList();
    }
}
