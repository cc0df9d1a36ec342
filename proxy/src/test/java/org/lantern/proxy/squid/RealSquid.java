package org.lantern.proxy.squid;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * A real Squid for the integration tests, started in a directory of its own on a free loopback
 * port with Lantern's ICAP server behind it. Each test writes the lines that make its set-up (the
 * port's options, TLS inspection, which requests go to Lantern); the lines every test Squid needs
 * (its files in the directory, no cache, names from a hosts file, this machine only) come from
 * {@link #commonConfig}. Without Squid a test is skipped loudly, and fails instead when
 * {@code LANTERN_TEST_SYSTEM_REQUIRED=1} (CI).
 */
public final class RealSquid implements AutoCloseable {

    public static final Path SQUID = Path.of("/usr/sbin/squid");

    private final Path dir;
    private final Process process;
    private final int port;

    private RealSquid(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** Skips {@code test} (or fails it in CI) unless every one of {@code programs}, from {@code debianPackage}, is installed. */
    public static void requireInstalled(String test, String debianPackage, Path... programs) {
        for (Path program : programs) {
            if (!Files.isExecutable(program)) {
                String message = "*** SKIPPING " + test + ": " + program + " is not installed (Debian package "
                        + debianPackage + ") ***";
                if ("1".equals(System.getenv("LANTERN_TEST_SYSTEM_REQUIRED"))) {
                    fail(message.replace("SKIPPING", "FAILING") + " and LANTERN_TEST_SYSTEM_REQUIRED=1");
                }
                System.err.println(message);
                assumeTrue(false, message);
            }
        }
    }

    /**
     * Makes {@code dir} a home for Squid: started as root, Squid drops to {@code proxy}, which
     * must still reach its logs there.
     */
    public static void prepare(Path dir, String hosts) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(dir.resolve("hosts"), "127.0.0.1 " + hosts + "\n");
    }

    /** The lines every test Squid needs, for a configuration kept in {@code dir}. */
    public static String commonConfig(Path dir) {
        String d = dir.toString();
        StringBuilder conf = new StringBuilder()
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
                .append("http_access deny all\n");
        if (isRoot()) {
            // Squid refuses to keep root; Debian's package creates the 'proxy' user for it.
            conf.append("cache_effective_user proxy\n");
        }
        return conf.toString();
    }

    /** Starts Squid on {@code config} (written to {@code dir/squid.conf}) and waits for {@code port} to open. */
    public static RealSquid start(Path dir, String config, int port) throws Exception {
        Files.writeString(dir.resolve("squid.conf"), config);
        Process process = new ProcessBuilder(SQUID.toString(), "-N", "-d", "1", "-f", dir.resolve("squid.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("squid.out").toFile()).start();
        RealSquid squid = new RealSquid(dir, process, port);
        squid.awaitListening();
        return squid;
    }

    /** A client that goes through this Squid; {@code builder} may add TLS trust and the like. */
    public HttpClient client(HttpClient.Builder builder) {
        return builder.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", port)))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** What Squid printed and logged, for a failure's message. */
    public String output() {
        try {
            String out = Files.readString(dir.resolve("squid.out"));
            Path cacheLog = dir.resolve("cache.log");
            return Files.exists(cacheLog) ? out + Files.readString(cacheLog) : out;
        } catch (IOException e) {
            return "(no squid output: " + e.getMessage() + ")";
        }
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Start-up wait, not an assertion on speed: Squid opens its port once configured. */
    private void awaitListening() throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            if (!process.isAlive()) {
                fail("squid exited with " + process.exitValue() + ":\n" + output());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("squid did not open port " + port + " within 30 s:\n" + output());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
