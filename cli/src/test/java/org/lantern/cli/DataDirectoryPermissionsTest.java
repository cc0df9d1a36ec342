package org.lantern.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.files.OwnerOnly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Everything Lantern writes in its data directory (the embedded database and its lock file, the keys,
 * the decision log of named pupils' browsing, the demo's marker) is its owner's alone, and so is the
 * directory, even one an earlier version left open to everyone: the demo runs with its ICAP filter
 * and judges a pupil's request, and the command-line tools open its database beside it. The
 * category lists are the exception, left as they are (see {@code DataDirectoryPermissions}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataDirectoryPermissionsTest {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    static Path base;

    private Path dataDir;
    private Path earlierDecisions;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    void startTheDemoInADirectoryAnEarlierVersionLeftReadableAndJudgeARequest() throws Exception {
        boolean posix = OwnerOnly.supported(base);
        if (!posix) {
            System.err.println("*** SKIPPING DataDirectoryPermissionsTest: " + base + " has no POSIX permissions ***");
        }
        assumeTrue(posix, "no POSIX permissions on " + base);
        dataDir = base.resolve("data");
        Path decisions = Files.createDirectories(dataDir.resolve("decisions"));
        earlierDecisions = Files.writeString(decisions.resolve("decisions-2025-09-01.jsonl"), "{}\n");
        for (Path made : new Path[] {dataDir, decisions}) {
            Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(earlierDecisions, PosixFilePermissions.fromString("rw-r--r--"));
        int port = freePort();
        int icapPort = freePort();

        PrintStream original = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CliRun().lantern("demo", "--port", String.valueOf(port), "--icap-port",
                    String.valueOf(icapPort), "--data-dir", dataDir.toString())).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(reqmod(icapPort, "http://www.bet365.com/", "pupil")).startsWith("ICAP/1.0 200");
        awaitLogged(decisions.resolve("decisions-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl"));
        CliRun tools = new CliRun();
        assertThat(tools.lantern("token", "create", "--user", "admin", "--name", "perms", "--data-dir", dataDir.toString()))
                .as(tools.err.toString()).isZero();
        assertThat(tools.lantern("audit", "verify", "--data-dir", dataDir.toString())).as(tools.err.toString()).isZero();
    }

    @AfterAll
    void stopTheDemo() {
        ServerLauncher.stop();
    }

    @Test
    void theDataDirectoryIsNarrowedToItsOwnerWithAWarning() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("The data directory " + dataDir
                + " could be used by other accounts (rwxr-xr-x); it is now its owner's alone (rwx------)");
    }

    @Test
    void everyFileAndDirectoryUnderItButTheListsIsItsOwnersAlone() throws IOException {
        Map<String, String> all = new TreeMap<>();
        Map<String, String> open = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.filter(path -> !path.startsWith(dataDir.resolve("lists"))).toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                String name = dataDir.relativize(path).toString();
                all.put(name, PosixFilePermissions.toString(permissions));
                if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                    open.put(name, PosixFilePermissions.toString(permissions));
                }
            }
        }

        assertThat(all).containsKeys("lantern.mv.db", "lantern.lock.db", "lantern-mode", "secrets.key", "block-page.key",
                "decisions", "decisions/" + earlierDecisions.getFileName(),
                "decisions/decisions-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl");
        assertThat(open).as("readable by others, of %s", all).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static String reqmod(int icapPort, String url, String user) throws IOException {
        String http = "GET " + url + " HTTP/1.1\r\nHost: ignored.example\r\n\r\n";
        String request = "REQMOD icap://127.0.0.1:" + icapPort + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + "X-Client-IP: 10.0.0.5\r\nX-Client-Username: " + user + "\r\nAllow: 204\r\nConnection: close\r\n"
                + "Encapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http;
        try (Socket socket = new Socket("127.0.0.1", icapPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The log is written by its own thread, after the answer. */
    private static void awaitLogged(Path dayFile) throws InterruptedException, IOException {
        for (int i = 0; i < 100 && !(Files.exists(dayFile) && Files.size(dayFile) > 0); i++) {
            Thread.sleep(100);
        }
        assertThat(dayFile).isNotEmptyFile();
    }
}
