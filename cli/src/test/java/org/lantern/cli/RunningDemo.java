package org.lantern.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code lantern demo} server started in-process on a free port, for CLI tests that talk to a
 * running Lantern as a user would from another terminal, and the API tokens they make for it.
 */
final class RunningDemo {

    private RunningDemo() {
    }

    /**
     * Starts the demo on a free port with its data in {@code dataDir}; what the demo prints on
     * stdout is dropped so it does not mix with the tests' own output.
     *
     * @return the server's base URL
     */
    static String start(String dataDir) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(new CliRun().lantern("demo", "--port", String.valueOf(port), "--data-dir", dataDir)).isZero();
        } finally {
            System.setOut(original);
        }
        return "http://localhost:" + port;
    }

    /** Stops the demo started by {@link #start}. */
    static void stop() {
        ServerLauncher.stop();
    }

    /** A new API token for {@code user}, made with {@code lantern token create} and any further options. */
    static String token(String dataDir, String user, String... options) {
        List<String> args = new ArrayList<>(List.of("token", "create", "--user", user));
        args.addAll(List.of(options));
        args.addAll(List.of("--data-dir", dataDir));
        CliRun create = new CliRun();
        assertThat(create.lantern(args.toArray(String[]::new))).as(create.err.toString()).isZero();
        return create.out.toString().lines().filter(l -> l.startsWith("lan_")).findFirst().orElseThrow();
    }
}
