package org.lantern.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs Lantern for real: PostgreSQL from LANTERN_DB_URL, no demo data. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start Lantern in production mode (PostgreSQL from LANTERN_DB_URL, LANTERN_DB_USER, LANTERN_DB_PASSWORD).")
class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:LANTERN_PORT:-8080}", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--icap-port",
            description = "Also run the ICAP filter for Squid in this process, on this port (loopback only).")
    Integer icapPort;

    @Override
    public Integer call() {
        List<String> properties = new ArrayList<>(List.of("lantern.mode=production", "server.port=" + port));
        if (icapPort != null) {
            properties.add("lantern.icap.port=" + icapPort);
        }
        return ServerLauncher.run(properties);
    }
}
