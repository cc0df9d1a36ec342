package org.lantern.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.lantern.server.LanternProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the whole platform on the embedded database with a demo school, for trying Lantern out. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Lantern on an embedded database (./data/) with " + LanternProperties.DEMO_SCHOOL_NAME
                + ", a made-up school on the Astley Park policy preset.")
class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:LANTERN_DATA_DIR:-data}",
            description = "Where the embedded database lives (default: $$LANTERN_DATA_DIR, else ./data).")
    String dataDir;

    @Option(names = "--icap-port",
            description = "Also run the ICAP filter for Squid in this process, on this port (loopback only).")
    Integer icapPort;

    @Override
    public Integer call() {
        List<String> properties = new ArrayList<>(List.of("lantern.mode=demo", "server.port=" + port, "lantern.data-dir=" + dataDir));
        if (icapPort != null) {
            properties.add("lantern.icap.port=" + icapPort);
        }
        return ServerLauncher.run(properties);
    }
}
